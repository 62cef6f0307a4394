package org.lateral.library.fetch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 GET on a connection to an address that has been checked. Written on a plain socket
 * rather than with {@code java.net.http.HttpClient} because HttpClient resolves the host itself and
 * cannot be told which address to connect to, nor be given a {@code Host} header (DD018, "Fetching
 * an address"): here the socket goes to exactly the checked address, the {@code Host} header and
 * the TLS server name carry the site's name, and the certificate is verified against that name.
 *
 * <p>Deliberately small: one request per connection ({@code Connection: close}), no cookies, no
 * authentication, no request body. Every read honours the fetch's deadline.
 */
final class HttpExchange implements Closeable {

    static final String USER_AGENT = "Mozilla/5.0 (compatible; Lateral article import)";

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, List<String>> headers;

    private HttpExchange(Socket socket, InputStream in, int status, Map<String, List<String>> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /** Connects to {@code ip}, sends the GET and reads the status line and headers. */
    static HttpExchange open(
            FetchAddress address, InetAddress ip, Duration connectTimeout, Instant deadline, SSLContext tls)
            throws IOException {
        Socket socket = new Socket();
        try {
            int connectMillis = (int) Math.max(1, Math.min(connectTimeout.toMillis(), remaining(deadline)));
            socket.connect(new InetSocketAddress(ip, address.port()), connectMillis);
            if (address.secure()) {
                socket.setSoTimeout(connectMillis);
                socket = startTls(socket, address, tls);
            }
            InputStream in = new DeadlineInputStream(socket, deadline);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + address.requestTarget() + " HTTP/1.1\r\n"
                    + "Host: " + address.hostHeader() + "\r\n"
                    + "User-Agent: " + USER_AGENT + "\r\n"
                    + "Accept: text/html, application/xhtml+xml, text/plain;q=0.9\r\n"
                    + "Accept-Encoding: gzip, identity\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status;
            Map<String, List<String>> headers;
            do { // skip interim 1xx answers
                status = statusOf(readLine(in));
                headers = readHeaders(in);
            } while (status >= 100 && status < 200);
            return new HttpExchange(socket, in, status, headers);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket startTls(Socket plain, FetchAddress address, SSLContext context) throws IOException {
        // Layered over the socket to the checked address, but named after the site: the handshake
        // sends the site's name (SNI) and the certificate is verified against it.
        SSLSocket tls =
                (SSLSocket) context.getSocketFactory().createSocket(plain, address.host(), address.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!address.ipLiteral()) {
            parameters.setServerNames(List.of(new SNIHostName(address.host())));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    int status() {
        return status;
    }

    @Nullable
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.getFirst();
    }

    /**
     * Reads the body, decoding chunked transfer and gzip, up to {@code maxBytes}.
     *
     * @throws TooLargeException as soon as the body is known to be larger
     */
    byte[] readBody(long maxBytes) throws IOException {
        String length = header("content-length");
        long announced = -1;
        if (length != null) {
            try {
                announced = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
            if (announced < 0) {
                throw new IOException("bad Content-Length");
            }
            if (announced > maxBytes) {
                throw new TooLargeException();
            }
        }
        InputStream body;
        String transfer = header("transfer-encoding");
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).strip().endsWith("chunked")) {
            body = new ChunkedInputStream(in);
        } else if (announced >= 0) {
            body = new LimitedInputStream(in, announced);
        } else {
            body = in; // until the server closes the connection
        }
        String encoding = header("content-encoding");
        if (encoding != null && encoding.strip().equalsIgnoreCase("gzip")) {
            body = new GZIPInputStream(body); // the limit applies to what comes out: no zip bomb
        } else if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new UnsupportedEncodingException();
        }
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = body.read(buffer)) != -1) {
            if (collected.size() + (long) read > maxBytes) {
                throw new TooLargeException();
            }
            collected.write(buffer, 0, read);
        }
        return collected.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The body is larger than the limit. */
    static final class TooLargeException extends IOException {}

    /** The body is compressed in a way Lateral does not read. */
    static final class UnsupportedEncodingException extends IOException {}

    private static long remaining(Instant deadline) {
        return Duration.between(Instant.now(), deadline).toMillis();
    }

    private static int statusOf(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw new IOException("not an HTTP/1.x status line");
        }
        return Integer.parseInt(parts[1]);
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (count >= MAX_HEADERS || colon <= 0) {
                throw new IOException("too many or malformed headers");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
    }

    /** One line ending in CRLF (or LF), without it; ISO-8859-1 as HTTP headers are. */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new EOFException("connection closed in the middle of a line");
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.append((char) c);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /**
     * The socket's input, buffered, with every read bounded by what is left of the fetch's total
     * time: a server that sends one byte a second cannot hold a fetch open beyond it.
     */
    private static final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final Instant deadline;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        DeadlineInputStream(Socket socket, Instant deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return -1;
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            long left = remaining(deadline);
            if (left <= 0) {
                throw new SocketTimeoutException("fetch deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }
    }

    /** Exactly {@code length} bytes of the underlying stream; ending early is an error. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n == -1) {
                throw new EOFException("connection closed before the announced length");
            }
            left -= n;
            return n;
        }
    }

    /** The chunked transfer coding of HTTP/1.1, decoded; trailers are read and dropped. */
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                String size = readLine(in);
                int semicolon = size.indexOf(';');
                String hex = (semicolon >= 0 ? size.substring(0, semicolon) : size).strip();
                try {
                    chunkLeft = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (chunkLeft < 0 || hex.length() > 15) {
                    throw new IOException("bad chunk size");
                }
                if (chunkLeft == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailer fields: not used
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n == -1) {
                throw new EOFException("connection closed inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0 && !readLine(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
            return n;
        }
    }
}
