Feature: I am charged once for one booking
  A double click or a retry must not take the money twice.

  Scenario: my payment is sent twice and I am charged once
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Classic Double"
    And I give my details
    And my payment is sent twice
    Then I am charged once
