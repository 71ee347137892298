Feature: I am charged once for one booking
  A double click or a retry must not take the money twice.

  Scenario: my payment is sent twice and I am charged once
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And my payment is sent twice
    Then I am charged once
