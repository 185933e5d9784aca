package com.bank.callcenter.campaigns;

import com.bank.callcenter.campaigns.rule.RuleException;
import com.bank.callcenter.campaigns.rule.RuleParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one campaign file (YAML) into a {@link CampaignDefinition} and checks it as the API
 * does: unknown fields, Bean Validation, then the rule. Every failure names the field at fault.
 */
public final class CampaignFileReader {

    private static final String RULE_PATH = "rule";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Validator validator;
    private final RuleParser rules = new RuleParser();

    public CampaignFileReader(Validator validator) {
        this.validator = validator;
    }

    /** Is this a campaign file (*.yaml or *.yml)? */
    public static boolean isCampaignFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** The campaign files of a folder, by name; none when the folder does not exist. */
    public static List<Path> campaignFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var entries = Files.list(dir)) {
            return entries.filter(CampaignFileReader::isCampaignFile)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** @throws Invalid naming the field at fault */
    public CampaignDefinition read(Path file) {
        CampaignDefinition definition;
        try {
            definition = yaml.readValue(file.toFile(), CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new Invalid("", "cannot read the file: " + e.getMessage());
        }
        if (definition == null) {
            throw new Invalid("", "the file is empty");
        }
        check(definition);
        return definition;
    }

    /** Bean Validation, then the rule. */
    public void check(CampaignDefinition definition) {
        Set<ConstraintViolation<CampaignDefinition>> violations = validator.validate(definition);
        if (!violations.isEmpty()) {
            List<ConstraintViolation<CampaignDefinition>> sorted = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .toList();
            String message = sorted.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new Invalid(sorted.get(0).getPropertyPath().toString(), message);
        }
        try {
            rules.parse(definition.rule(), RULE_PATH);
        } catch (RuleException e) {
            throw new Invalid(e.field(), e.getMessage());
        }
    }

    private static Invalid unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "";
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? "" : "line " + location.getLineNr() + ": ";
        String what = e instanceof UnrecognizedPropertyException unknown
                ? "unknown field '" + unknown.getPropertyName() + "'"
                : e.getOriginalMessage();
        return new Invalid(field, where + what);
    }

    /** A campaign file that cannot be loaded, naming the field at fault ("" for the whole file). */
    public static class Invalid extends RuntimeException {

        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
