Feature: Pages answer quickly and stay still
  A customer reaching for the pay button expects the page to be there, and the button to stay put.

  Scenario: every page answers within its budget and nothing moves as I press pay
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I enter my card
    And I pay
    Then no page kept me waiting
    And nothing moved as I went to press pay
