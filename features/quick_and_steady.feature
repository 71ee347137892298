Feature: Pages answer quickly and stay still
  A customer reaching for the pay button expects the page to be there, and the button to stay put.

  Scenario: every page answers within its budget and nothing moves as I press pay
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Classic Double"
    And I give my details
    And I enter my card
    And I pay
    Then no page kept me waiting
    And nothing moved as I went to press pay
