package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.failure.RecordStatus;
import org.junit.jupiter.api.Test;

class StoredValueTest {

    @Test
    void aStoredStringIsReadBackAsItsConstant() {
        assertThat(StoredValue.of(RecordStatus.class, "dead_lettered")).isEqualTo(RecordStatus.DEAD_LETTERED);
        assertThat(StoredValue.known(RecordStatus.class, "retrying")).isEqualTo(RecordStatus.RETRYING);
    }

    @Test
    void nothingStoredIsNull() {
        assertThat(StoredValue.of(RecordStatus.class, null)).isNull();
        assertThat(StoredValue.known(RecordStatus.class, null)).isNull();
    }

    @Test
    void aStringThisVersionNeverWritesIsAnErrorOrNullWhereTheReaderTakesIt() {
        assertThatThrownBy(() -> StoredValue.of(RecordStatus.class, "DEAD_LETTERED"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a stored RecordStatus: DEAD_LETTERED");
        assertThat(StoredValue.known(RecordStatus.class, "paused")).isNull();
    }
}
