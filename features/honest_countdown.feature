Feature: The hold countdown tells the truth
  A countdown that starts again on reload was never a real hold: it is false urgency.

  Scenario: reloading the cart does not give the countdown its time back
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I take 60 seconds to think it over
    And I reload the page
    Then the countdown did not start again
