Feature: My cart follows me from my phone to my laptop
  One conversation across devices: a signed-in customer finds the same cart everywhere.

  Scenario: I start on my phone and finish on my laptop
    Given I am signed in on my phone
    When I find a room for 2 nights for 2 guests
    And I book the "Deluxe King"
    And I sign in on my laptop and open my cart
    Then my cart is the same on both devices
