package com.bank.callcenter.support;

import com.bank.callcenter.campaigns.CampaignDefinition;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;

/** The campaigns shipped in campaigns/*.yaml, stored ACTIVE for a benchmark that builds their lists. */
public final class ShippedCampaigns {

    private ShippedCampaigns() {
    }

    /** Stores (or refreshes) the shipped campaign {@code id} as an ACTIVE file campaign. */
    public static void store(String id) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
        CampaignDefinition definition = yaml.readValue(Path.of("campaigns", id + ".yaml").toFile(),
                CampaignDefinition.class);
        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(definition);
        Db.execute("""
                insert into campaign (id, name, channel, state, priority, definition, source, updated_by)
                values (?, ?, ?, 'ACTIVE', 100, ?::jsonb, 'FILE', 'benchmark')
                on conflict (id) do update set definition = excluded.definition, state = 'ACTIVE'""",
                id, definition.name(), definition.channel().name(), json);
    }
}
