package com.bank.callcenter.contacts;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last resort of an opt-out when Redis is out of reach too: one line per opt-out appended (and
 * forced to disk) to {@code opt-outs.log} in the spool folder, read back and emptied by the drainer.
 */
final class OptOutSpool {

    private static final Logger LOG = Logger.getLogger(OptOutSpool.class);

    private final Path file;

    OptOutSpool(Path dir) {
        this.file = dir.resolve("opt-outs.log");
    }

    synchronized void append(OptOut optOut) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.UTF_8.encode(optOut.toLine() + "\n"));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("opt-out not spooled to " + file, e);
        }
    }

    synchronized List<OptOut> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<OptOut> optOuts = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    optOuts.add(OptOut.fromLine(line));
                } catch (RuntimeException e) {
                    LOG.errorf("opt-out spool %s: unreadable line kept out: %s", file, line);
                }
            }
            return optOuts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Set<String> mobiles() {
        return readAll().stream().map(OptOut::mobile).collect(Collectors.toSet());
    }

    /** Removes the first {@code count} opt-outs (those handed on); later appends stay. */
    synchronized void removeFirst(int count) {
        List<OptOut> all = readAll();
        try {
            if (count >= all.size()) {
                Files.deleteIfExists(file);
                return;
            }
            Path next = file.resolveSibling("opt-outs.log.next");
            Files.write(next, all.subList(count, all.size()).stream().map(OptOut::toLine).toList(),
                    StandardCharsets.UTF_8);
            Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
