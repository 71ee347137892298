Feature: My cart holds only what I chose
  Nothing is added to the cart that the customer did not ask for.

  Scenario: I choose breakfast and get only breakfast
    Given I am a customer
    When I look at what the shop offers
    And I book an offer with its extra
    Then my cart holds only what I chose
