Feature: Booking asks little of me
  A family books a room in a few steps, and the shop never asks for what it was already told.

  Scenario: I book in a few steps without typing anything twice
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I enter my card
    And I pay
    Then I never type the same thing twice
    And I can book in at most 8 steps
