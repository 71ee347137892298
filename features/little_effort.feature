Feature: Booking asks little of me
  A family books a room in a few steps, and the shop never asks for what it was already told.

  Scenario: I book in a few steps without typing anything twice
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Deluxe King"
    And I give my details
    And I enter my card
    And I pay
    Then I never type the same thing twice
    And I can book in at most 6 steps
