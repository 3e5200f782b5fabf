package io.mediasync.sourcesync.downloader.adapter;

import java.io.InputStream;
import java.io.Reader;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.EventFilter;
import javax.xml.stream.StreamFilter;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLReporter;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.stream.util.XMLEventAllocator;
import javax.xml.transform.Source;

/**
 * The parser's factory, counting every call the parser makes on the stream reader it hands out: a parser's work
 * as a number, the same on every machine, so a test can show it grows linearly with the document.
 */
final class CountingXmlFactory extends XMLInputFactory {

    private final XMLInputFactory factory;
    private final AtomicLong calls = new AtomicLong();

    CountingXmlFactory(XMLInputFactory factory) {
        this.factory = factory;
    }

    long calls() {
        return calls.get();
    }

    @Override
    public XMLStreamReader createXMLStreamReader(InputStream stream) throws XMLStreamException {
        return counting(factory.createXMLStreamReader(stream));
    }

    private XMLStreamReader counting(XMLStreamReader reader) {
        return new StreamReaderDelegate(reader) {
            @Override
            public int next() throws XMLStreamException {
                calls.incrementAndGet();
                return super.next();
            }

            @Override
            public boolean hasNext() throws XMLStreamException {
                calls.incrementAndGet();
                return super.hasNext();
            }

            @Override
            public String getElementText() throws XMLStreamException {
                calls.incrementAndGet();
                return super.getElementText();
            }

            @Override
            public String getLocalName() {
                calls.incrementAndGet();
                return super.getLocalName();
            }

            @Override
            public String getNamespaceURI() {
                calls.incrementAndGet();
                return super.getNamespaceURI();
            }

            @Override
            public int getAttributeCount() {
                calls.incrementAndGet();
                return super.getAttributeCount();
            }

            @Override
            public String getAttributeNamespace(int index) {
                calls.incrementAndGet();
                return super.getAttributeNamespace(index);
            }

            @Override
            public String getAttributeLocalName(int index) {
                calls.incrementAndGet();
                return super.getAttributeLocalName(index);
            }

            @Override
            public String getAttributeValue(int index) {
                calls.incrementAndGet();
                return super.getAttributeValue(index);
            }
        };
    }

    // the rest is the wrapped factory's, uncounted (the parser uses none of it)

    @Override
    public XMLStreamReader createXMLStreamReader(Reader reader) throws XMLStreamException {
        return counting(factory.createXMLStreamReader(reader));
    }

    @Override
    public XMLStreamReader createXMLStreamReader(Source source) throws XMLStreamException {
        return counting(factory.createXMLStreamReader(source));
    }

    @Override
    public XMLStreamReader createXMLStreamReader(InputStream stream, String encoding) throws XMLStreamException {
        return counting(factory.createXMLStreamReader(stream, encoding));
    }

    @Override
    public XMLStreamReader createXMLStreamReader(String systemId, InputStream stream) throws XMLStreamException {
        return counting(factory.createXMLStreamReader(systemId, stream));
    }

    @Override
    public XMLStreamReader createXMLStreamReader(String systemId, Reader reader) throws XMLStreamException {
        return counting(factory.createXMLStreamReader(systemId, reader));
    }

    @Override
    public XMLEventReader createXMLEventReader(Reader reader) throws XMLStreamException {
        return factory.createXMLEventReader(reader);
    }

    @Override
    public XMLEventReader createXMLEventReader(String systemId, Reader reader) throws XMLStreamException {
        return factory.createXMLEventReader(systemId, reader);
    }

    @Override
    public XMLEventReader createXMLEventReader(XMLStreamReader reader) throws XMLStreamException {
        return factory.createXMLEventReader(reader);
    }

    @Override
    public XMLEventReader createXMLEventReader(Source source) throws XMLStreamException {
        return factory.createXMLEventReader(source);
    }

    @Override
    public XMLEventReader createXMLEventReader(InputStream stream) throws XMLStreamException {
        return factory.createXMLEventReader(stream);
    }

    @Override
    public XMLEventReader createXMLEventReader(InputStream stream, String encoding) throws XMLStreamException {
        return factory.createXMLEventReader(stream, encoding);
    }

    @Override
    public XMLEventReader createXMLEventReader(String systemId, InputStream stream) throws XMLStreamException {
        return factory.createXMLEventReader(systemId, stream);
    }

    @Override
    public XMLStreamReader createFilteredReader(XMLStreamReader reader, StreamFilter filter) throws XMLStreamException {
        return factory.createFilteredReader(reader, filter);
    }

    @Override
    public XMLEventReader createFilteredReader(XMLEventReader reader, EventFilter filter) throws XMLStreamException {
        return factory.createFilteredReader(reader, filter);
    }

    @Override
    public XMLResolver getXMLResolver() {
        return factory.getXMLResolver();
    }

    @Override
    public void setXMLResolver(XMLResolver resolver) {
        factory.setXMLResolver(resolver);
    }

    @Override
    public XMLReporter getXMLReporter() {
        return factory.getXMLReporter();
    }

    @Override
    public void setXMLReporter(XMLReporter reporter) {
        factory.setXMLReporter(reporter);
    }

    @Override
    public void setProperty(String name, Object value) {
        factory.setProperty(name, value);
    }

    @Override
    public Object getProperty(String name) {
        return factory.getProperty(name);
    }

    @Override
    public boolean isPropertySupported(String name) {
        return factory.isPropertySupported(name);
    }

    @Override
    public void setEventAllocator(XMLEventAllocator allocator) {
        factory.setEventAllocator(allocator);
    }

    @Override
    public XMLEventAllocator getEventAllocator() {
        return factory.getEventAllocator();
    }
}
