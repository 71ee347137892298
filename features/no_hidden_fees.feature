Feature: The first total I see includes every fee
  Mandatory fees belong in the first total the customer sees, not on the last page.

  Scenario: no fee appears only when I am about to pay
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I pay with my card
    Then no fee appeared only at the last step
