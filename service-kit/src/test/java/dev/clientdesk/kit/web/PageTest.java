package dev.clientdesk.kit.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void the_extra_row_fetched_says_there_is_more_and_is_not_shown() {
        Page<String> page = Page.of(List.of("a", "b", "c"), PageRequest.of(0, 2), null);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.total()).isNull();
    }

    @Test
    void a_short_or_exactly_full_page_is_the_last() {
        assertThat(Page.of(List.of("a", "b"), PageRequest.of(3, 2), 8L).hasMore()).isFalse();
        assertThat(Page.of(List.of("a"), PageRequest.of(3, 2), 7L).items()).containsExactly("a");
    }

    @Test
    void mapping_keeps_position_more_and_total() {
        Page<Integer> page = Page.of(List.of("a", "bb", "ccc"), PageRequest.of(1, 2), 5L).map(String::length);

        assertThat(page).isEqualTo(new Page<>(List.of(1, 2), 1, 2, true, 5L));
    }

    @Test
    void a_page_asks_the_database_for_one_row_more_than_it_shows() {
        assertThat(PageRequest.of(2, 20).fetchSize()).isEqualTo(21);
        assertThat(PageRequest.of(2, 20).offset()).isEqualTo(40);
    }
}
