Feature: The hold countdown tells the truth
  A countdown that starts again on reload was never a real hold: it is false urgency.

  Scenario: reloading the cart does not give the countdown its time back
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Classic Double"
    And I take 60 seconds to think it over
    And I reload the page
    Then the countdown did not start again
