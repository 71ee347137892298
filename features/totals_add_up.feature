Feature: The lines add up to the total
  Every page that lists lines shows a total that is their sum.

  Scenario Outline: the lines add up for a stay of <nights> night(s)
    Given I am a customer
    When I find a room for <nights> nights for <guests> guests
    And I book an ordinary offer
    And I give my details
    Then the lines add up to the total on every page

    Examples:
      | nights | guests |
      | 1      | 1      |
      | 2      | 2      |
      | 7      | 3      |

  Scenario Outline: the lines add up when I buy <quantity> of it
    Given I am a customer
    When I put <quantity> of an ordinary offer in my basket
    And I give my details
    Then the lines add up to the total on every page

    Examples:
      | quantity |
      | 3        |

  Scenario: the lines add up with a discount code and express delivery
    Given I am a customer
    When I put 2 of an ordinary offer in my basket
    And I use a discount code
    And I choose express delivery
    And I give my details
    Then the lines add up to the total on every page
