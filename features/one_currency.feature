Feature: One currency from the first price to the charge
  The customer chose a shop in euros and expects to be charged in euros.

  Scenario: every amount on the way is in the same currency
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Classic Double"
    And I give my details
    And I pay with my card
    Then every amount is in the same currency
