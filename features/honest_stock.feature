Feature: What the shop says is left is true
  "Only 1 left!" must mean one is left: when another customer buys one, what the shop says is left moves.

  Scenario: another customer's purchase moves what the shop says is left
    Given I am a customer
    When I look at what the shop offers
    And another customer buys an ordinary offer
    And I look at what the shop offers again
    Then what the shop says is left is true
