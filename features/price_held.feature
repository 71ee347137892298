Feature: The price I am shown is the price I pay
  A family books a room, takes a minute over the card details, and expects to be charged
  exactly what the shop showed them.

  Scenario: the price is held while I enter my card
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I take 60 seconds to enter my card
    And I pay
    Then I am charged the price I was shown

  Scenario: signed in, I pay the price I was shown
    Given I am signed in
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I pay with my card
    Then I am charged the price I was shown

  Scenario: paying by bank transfer, I am asked for the price I was shown
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I pay by bank transfer
    Then I am asked to pay the price I was shown
