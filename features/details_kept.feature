Feature: My details survive a card error
  A family types a wrong security code, and expects to fix just that, not to start again.

  Scenario: a wrong security code keeps what I typed
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I enter my card with a wrong security code
    And I pay
    Then my details are still there
    When I correct my card and pay
    Then I am charged the price I was shown
