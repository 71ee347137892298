Feature: My receipts agree with my bank
  The confirmation page, the confirmation email and the bank statement tell one amount.

  Scenario: confirmation, email and bank statement show what I paid
    Given I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I pay with my card
    Then my confirmation, my email and my bank statement show the same amount
