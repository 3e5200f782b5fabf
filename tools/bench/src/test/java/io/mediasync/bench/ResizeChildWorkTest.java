package io.mediasync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.resizer.imaging.ResizeMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResizeChildWorkTest {

    @Test
    void the_child_reads_back_exactly_the_work_its_parent_wrote() {
        ResizeChild.Work work = new ResizeChild.Work("thumb=50x50,800x800", ResizeMode.FILL, 85, 24_000_000L, 5, 0, true, true);

        String[] args = work.arguments(Path.of("/tmp/photo.jpg")).toArray(String[]::new);

        assertThat(args[0]).isEqualTo("/tmp/photo.jpg");
        assertThat(ResizeChild.Work.of(args)).isEqualTo(work);
    }

    @Test
    void a_command_line_with_a_field_missing_is_refused_by_name() {
        assertThatThrownBy(() -> ResizeChild.Work.of(new String[] {"/tmp/photo.jpg", "50x50"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ResizeChild: expected the input and 8 fields, got 2 arguments");
    }
}
