Feature: The room I am paying for is mine
  While I pay for the last room, the shop holds it for me.

  Scenario: nobody else can take the last room while I pay
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Family Suite"
    And I give my details
    And another customer tries to book the same room for the same nights
    And I pay with my card
    Then the room I held is still mine
