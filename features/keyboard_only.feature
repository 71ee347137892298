Feature: I can book with a keyboard and a screen reader
  A customer who cannot use a mouse books the same room as anyone else, with the Tab key and a screen reader.

  Scenario: I book a room with the keyboard alone
    Given I use only a keyboard and a screen reader
    And I am a customer
    When I look at what the shop offers
    And I book an ordinary offer
    And I give my details
    And I enter my card
    And I pay
    Then I could do it all with the keyboard and a screen reader
    And I am charged the price I was shown
