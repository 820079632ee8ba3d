package dev.clientdesk.kit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=0&size=20&includeTotal=false}: zero-based page, size bounded to 100, and whether to count every
 * match too. Use with {@code @BeanParam @Valid}.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 100_000, message = "must be at most 100000")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    public int size;

    @QueryParam("includeTotal")
    @DefaultValue("false")
    @Parameter(description = "Also count every match (`total`); costs a scan of all of them, so ask only when you"
            + " show the number")
    public boolean includeTotal;

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    public int offset() {
        return page * size;
    }

    /** One row more than the page holds: whether it comes back answers {@code hasMore} without a count. */
    public int fetchSize() {
        return size + 1;
    }
}
