Feature: My cart holds only what I chose
  Nothing is added to the cart that the customer did not ask for.

  Scenario: I choose breakfast and get only breakfast
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Classic Double" with breakfast
    Then my cart holds only what I chose
