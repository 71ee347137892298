Feature: The lines add up to the total
  Every page that lists lines shows a total that is their sum.

  Scenario Outline: the lines add up for a stay of <nights> night(s)
    Given I am a customer looking for a hotel room
    When I find a room for <nights> nights for <guests> guests
    And I book the "Classic Double"
    And I give my details
    Then the lines add up to the total on every page

    Examples:
      | nights | guests |
      | 1      | 1      |
      | 2      | 2      |
      | 7      | 3      |
