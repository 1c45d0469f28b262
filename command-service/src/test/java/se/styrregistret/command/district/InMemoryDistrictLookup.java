package se.styrregistret.command.district;

import se.styrregistret.kernel.district.Districts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The registered districts, in memory, for aggregate tests. */
public class InMemoryDistrictLookup implements DistrictLookup {

    private final Map<String, String> names = new LinkedHashMap<>();

    /** Berga, Ryd and Skäggetorp, as the history registers them. */
    public static InMemoryDistrictLookup linkoping() {
        return new InMemoryDistrictLookup().registered("Berga", "Ryd", "Skäggetorp");
    }

    public InMemoryDistrictLookup registered(String... districts) {
        for (String d : districts) names.put(Districts.normalised(d), d);
        return this;
    }

    @Override
    public Optional<String> canonical(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        return Optional.ofNullable(names.get(Districts.normalised(name)));
    }
}
