package io.mediasync.common.images;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeSpecTest {

    @Test
    void parsesPlainSizesWithTheTextAsLabel() {
        assertThat(SizeSpec.parseList(SizeSpec.DEFAULT_LIST)).containsExactly(
                new SizeSpec("50x50", 50, 50), new SizeSpec("250x250", 250, 250), new SizeSpec("800x800", 800, 800));
    }

    @Test
    void parsesExplicitLabelsUpperCaseXAndSpaces() {
        assertThat(SizeSpec.parseList("thumb=50x50, 250X250=250x250 ,wide=1200X630")).containsExactly(
                new SizeSpec("thumb", 50, 50), new SizeSpec("250X250", 250, 250), new SizeSpec("wide", 1200, 630));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "50x50,abc|'abc'",
            "50x50,,80x80|empty item",
            "0x50|'0x50'",
            "50x-1|'50x-1'",
            "50x50,50x50|used twice",
            "a=1x1,a=2x2|used twice",
            "bad label=50x50|'bad label=50x50'",
            "x=50*50|'x=50*50'",
            "99999x10|'99999x10'",
            "50x50x50|'50x50x50'"})
    void rejectsBadItemsNamingThem(String spec, String expectedInMessage) {
        assertThatThrownBy(() -> SizeSpec.parseList(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedInMessage);
    }

    @Test
    void rejectsEmptyAndNull() {
        assertThatThrownBy(() -> SizeSpec.parseList(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SizeSpec.parseList(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
