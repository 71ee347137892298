Feature: One currency from the first price to the charge
  The customer chose a shop in euros and expects to be charged in euros.

  Scenario: every amount on the way is in the same currency
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I pay with my card
    Then every amount is in the same currency
