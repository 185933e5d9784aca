package com.bank.callcenter.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of the code: capability packages without cycles, a telephony gateway that knows no
 * business, and one owner for each table whose rows decide whom the bank may contact.
 */
class ArchitectureTest {

    private static final String ROOT = "com.bank.callcenter";
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    /** Table → the only source files whose SQL may name it ({@code touch}) or write it ({@code write}). */
    private static final Map<String, Owner> OWNERS = Map.of(
            "list_entry", new Owner(Reach.TOUCH, Set.of("com/bank/callcenter/lists/ListEntries.java")),
            "contact_attempt", new Owner(Reach.WRITE, Set.of("com/bank/callcenter/contacts/ContactAttempts.java")),
            "do_not_call", new Owner(Reach.WRITE, Set.of("com/bank/callcenter/contacts/DoNotCall.java")));

    private enum Reach { TOUCH, WRITE }

    private record Owner(Reach reach, Set<String> files) {
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static ArchRule capabilitiesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    @Test
    void capabilityPackagesDependOnEachOtherWithoutCycles() {
        capabilitiesFreeOfCycles(ROOT).check(main);
    }

    @Test
    void theCycleRuleFindsACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".architecture.cycle");
        assertTrue(capabilitiesFreeOfCycles(ROOT + ".architecture.cycle").evaluate(fixture).hasViolation(),
                "cycle.a ↔ cycle.b is a cycle; a rule that misses it protects nothing");
    }

    @Test
    void telephonyKnowsNoBusinessPackage() {
        noClasses().that().resideInAPackage(ROOT + ".telephony..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAPackage(ROOT + ".telephony.."))))
                .because("the PBX gateway and the simulator serve every capability and must not call back up")
                .check(main);
    }

    @Test
    void eachContactTableHasOneOwner() {
        Map<String, List<String>> violations = new TreeMap<>();
        for (Path file : mainSources()) {
            String relative = MAIN_SOURCES.relativize(file).toString().replace('\\', '/');
            List<String> found = trespasses(relative, read(file));
            if (!found.isEmpty()) {
                violations.put(relative, found);
            }
        }
        assertEquals(Map.of(), violations, "SQL on a table outside its owner");
    }

    @Test
    void theOwnerCheckSeesWritesSplitOverLiteralsAndTextBlocks() {
        String source = """
                class Sneaky {
                    // update list_entry in a comment is fine
                    void a() { em.createNativeQuery("insert into contact_" + "attempt (id) values (?1)"); }
                    void b() { em.createNativeQuery(\"""
                            update do_not_call set reason = ?1\"""); }
                    void c() { em.createNativeQuery("select count(*) from list_entry"); }
                    void d() { em.createNativeQuery(\"""
                            delete from contact_\""" + "attempt where id = ?1"); }
                }
                """;
        assertEquals(List.of("contact_attempt", "contact_attempt", "do_not_call", "list_entry"),
                trespasses("com/bank/callcenter/robot/Sneaky.java", source).stream().map(t -> t.split(":")[0]).toList());
        assertTrue(trespasses("com/bank/callcenter/robot/Reader.java",
                "class R { String q = \"select 1 from contact_attempt where sent\"; }").isEmpty(),
                "reading contact_attempt is allowed everywhere");
    }

    /** "table: the SQL" for each table this file's SQL reaches without owning it. */
    private static List<String> trespasses(String relativePath, String source) {
        List<String> literals = SqlLiterals.of(source);
        return OWNERS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(owner -> !owner.getValue().files().contains(relativePath))
                .flatMap(owner -> literals.stream().filter(sql -> reaches(owner.getKey(), owner.getValue().reach(), sql))
                        .map(sql -> owner.getKey() + ": " + sql.strip()))
                .toList();
    }

    private static boolean reaches(String table, Reach reach, String sql) {
        String name = "\\b" + table + "\\b";
        String pattern = reach == Reach.TOUCH ? name
                : "(?i)\\b(insert\\s+into|update|delete\\s+from|copy|truncate(\\s+table)?|merge\\s+into)\\s+" + name;
        return Pattern.compile(pattern).matcher(sql).find();
    }

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertFalse(sources.isEmpty(), "no sources under " + MAIN_SOURCES.toAbsolutePath());
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
