package io.mediasync.catalog.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser's reading of RFC 8288 Link headers as APIs send them (GitHub's style, relation lists, unquoted rel). */
class PageParserLinkHeaderTest {

    @Test
    void findsNextAmongOtherRelations() {
        String header = "<https://api.example.com/sources?page=1>; rel=\"first\", <https://api.example.com/sources?page=3>; rel=\"next\","
                + " <https://api.example.com/sources?page=9>; rel=\"last\"";
        assertThat(PageParser.nextLink(header)).contains("https://api.example.com/sources?page=3");
    }

    @Test
    void relMayListSeveralTypesOrGoUnquotedAndParametersMayComeFirst() {
        assertThat(PageParser.nextLink("</s?page=2>; rel=\"next last\"")).contains("/s?page=2");
        assertThat(PageParser.nextLink("</s?page=2>; REL=next")).contains("/s?page=2");
        assertThat(PageParser.nextLink("</s?page=2>; title=\"more\"; rel=\"next\"")).contains("/s?page=2");
    }

    @Test
    void noNextMeansTheLastPage() {
        assertThat(PageParser.nextLink("</s?page=1>; rel=\"prev\"")).isEmpty();
        assertThat(PageParser.nextLink("</s?page=1>; rel=\"nextish\"")).isEmpty();
        assertThat(PageParser.nextLink(null)).isEmpty();
        assertThat(PageParser.nextLink("garbage")).isEmpty();
    }

    @Test
    void commasInsideTheTargetDoNotSplitIt() {
        assertThat(PageParser.nextLink("</s?ids=1,2,3&page=2>; rel=\"next\"")).contains("/s?ids=1,2,3&page=2");
    }
}
