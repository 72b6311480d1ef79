"""Where ] [ and J go from an order's detail: along the list it came from, and down a ranking
that changes while the operator works."""

from __future__ import annotations

from porting_tui.listing.order_navigation import OrderSequence, next_needing_attention

LISTED = OrderSequence("Pending", (30, 20, 10))


def test_steps_walk_the_list_as_it_was_shown_and_stop_at_its_ends() -> None:
    assert LISTED.step(30, 1) == 20
    assert LISTED.step(20, 1) == 10
    assert LISTED.step(10, 1) is None
    assert LISTED.step(20, -1) == 30
    assert LISTED.step(30, -1) is None
    assert LISTED.step(99, 1) is None


def test_the_position_names_the_list() -> None:
    assert LISTED.position(20) == "2/3 in Pending"
    assert LISTED.position(99) == "Pending"


def test_j_goes_to_the_next_in_the_ranking_and_wraps_to_the_top() -> None:
    assert next_needing_attention(2, [1, 2, 3]) == 3
    assert next_needing_attention(3, [1, 2, 3]) == 1
    assert next_needing_attention(7, [1, 2, 3]) == 1  # opened from the list, not ranked


def test_j_after_fixing_an_order_goes_on_from_where_it_was() -> None:
    # Order 2 is fixed and left the ranking; 3 came after it, so J does not go back to 1.
    assert next_needing_attention(2, [1, 3, 4], [1, 2, 3, 4]) == 3
    # What came after it has left too: the next one still ranked.
    assert next_needing_attention(2, [1, 4], [1, 2, 3, 4]) == 4
    # Nothing after it is left: back to the top.
    assert next_needing_attention(4, [1, 2], [1, 2, 3, 4]) == 1


def test_j_follows_the_walk_while_looked_at_orders_sink() -> None:
    # Opened and looked at, order 1 sank below 2 and 3: J still goes to 2, then 3, then 4.
    walk = [1, 2, 3, 4]
    assert next_needing_attention(1, [2, 3, 1, 4], walk) == 2
    assert next_needing_attention(2, [3, 1, 2, 4], walk) == 3
    assert next_needing_attention(3, [1, 2, 3, 4], walk) == 4
    # Past the end of the walk: an order ranked since, then the top.
    assert next_needing_attention(4, [5, 1, 2, 3, 4], walk) == 5
    assert next_needing_attention(4, [1, 2, 3, 4], walk) == 1


def test_j_with_nothing_else_to_do() -> None:
    assert next_needing_attention(1, [1]) is None
    assert next_needing_attention(1, []) is None
