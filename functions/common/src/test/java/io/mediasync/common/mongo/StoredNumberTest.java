package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredNumberTest {

    @Test
    void int32Int64AndDoubleReadAlike() {
        assertThat(StoredNumber.asLong(77735)).isEqualTo(77735L);
        assertThat(StoredNumber.asLong(77735L)).isEqualTo(77735L);
        assertThat(StoredNumber.asLong(77735.0)).isEqualTo(77735L);
        assertThat(StoredNumber.asInt(3L, 0)).isEqualTo(3);
    }

    @Test
    void missingOrNotANumberIsNullOrTheGivenDefault() {
        assertThat(StoredNumber.asLong(null)).isNull();
        assertThat(StoredNumber.asLong("77735")).isNull();
        assertThat(StoredNumber.asLong(null, -1)).isEqualTo(-1L);
        assertThat(StoredNumber.asInt("3", 0)).isZero();
    }
}
