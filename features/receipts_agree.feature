Feature: My receipts agree with my bank
  The confirmation page, the confirmation email and the bank statement tell one amount.

  Scenario: confirmation, email and bank statement show what I paid
    Given I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Deluxe King"
    And I give my details
    And I pay with my card
    Then my confirmation, my email and my bank statement show the same amount
