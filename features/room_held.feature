Feature: What I am paying for is mine
  While I pay for the last one left, the shop holds it for me.

  Scenario: nobody else can take the last one while I pay
    Given I am a customer
    When I look at what the shop offers
    And I book the last one left
    And I give my details
    And another customer tries to buy the same one
    And I pay with my card
    Then the one I was paying for is still mine
