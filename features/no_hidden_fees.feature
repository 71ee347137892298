Feature: The first total I see includes every fee
  Mandatory fees belong in the first total the customer sees, not on the last page.

  Scenario: no fee appears only when I am about to pay
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Classic Double"
    And I give my details
    And I pay with my card
    Then no fee appeared only at the last step
