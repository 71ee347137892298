Feature: I can book with a keyboard and a screen reader
  A customer who cannot use a mouse books the same room as anyone else, with the Tab key and a screen reader.

  Scenario: I book a room with the keyboard alone
    Given I use only a keyboard and a screen reader
    And I am a customer looking for a hotel room
    When I find a room for 2 nights for 2 guests
    And I book the "Classic Double"
    And I give my details
    And I enter my card
    And I pay
    Then I could do it all with the keyboard and a screen reader
    And I am charged the price I was shown
