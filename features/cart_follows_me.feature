Feature: My cart follows me from my phone to my laptop
  One conversation across devices: a signed-in customer finds the same cart everywhere.

  Scenario: I start on my phone and finish on my laptop
    Given I am signed in on my phone
    When I look at what the shop offers
    And I book an ordinary offer
    And I sign in on my laptop and open my cart
    Then my cart is the same on both devices
