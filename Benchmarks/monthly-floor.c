/*
 * The C floor of the monthly workbook: the very cells of a report, read back from its own CSV
 * files (the folder reports/monthly/YYYY-MM), written by libxlsxwriter in constant-memory mode with
 * nothing else to do: no database, no CSV to write, no column widths. Numbers and dates are typed
 * by column name as the report types them, so the workbook has the same size as the report's.
 *
 *   cc -O2 Benchmarks/monthly-floor.c -o /tmp/monthly-floor -lxlsxwriter
 *   /usr/bin/time -f "floor %e s %M KB" /tmp/monthly-floor reports/monthly/2026-11 /tmp/floor.xlsx
 *
 * docs/PERFORMANCE.md compares `relicensure report monthly` with it, run side by side.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

static const char *numeric[] = {"entry_id", "hours", "net_hours", "days_waiting", "hours_this_term",
                                "required_hours", "remaining_hours", "educators", "hours_in_month",
                                "advanced_license", "complete", "ending_short", "behind", "on_track", "days_open", NULL};
static const char *dates[] = {"posted_on", "award_date", "first_seen_on", "term_start", "term_end", NULL};

static int listed(const char *name, const char **names) {
    for (; *names; names++) if (strcmp(name, *names) == 0) return 1;
    return 0;
}

static double seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

/* Reads one RFC 4180 record into `fields` (pointers into `buffer`); returns the number of fields,
   or -1 at the end of the file. */
static int record(FILE *file, char **fields, int most, char *buffer, size_t size) {
    int count = 0, quoted = 0, any = 0, c;
    size_t length = 0;
    fields[0] = buffer;
    while ((c = fgetc(file)) != EOF && length + 1 < size) {
        any = 1;
        if (quoted) {
            if (c != '"') { buffer[length++] = (char)c; continue; }
            int next = fgetc(file);
            if (next == '"') { buffer[length++] = '"'; continue; }
            quoted = 0;
            if (next == EOF) break;
            c = next;
        }
        if (c == '"') { quoted = 1; continue; }
        if (c == ',' && count + 1 < most) { buffer[length++] = 0; fields[++count] = buffer + length; continue; }
        if (c == '\r') continue;
        if (c == '\n') break;
        buffer[length++] = (char)c;
    }
    if (!any) return -1;
    buffer[length] = 0;
    return count + 1;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CSV_FOLDER OUT.xlsx\n", argv[0]);
        return 2;
    }
    /* Every sheet of the report, in its order: the Open sheet (the largest) was missing here until
       2026-12-07, so the floor wrote 62 % of the report's sheet XML. */
    const char *files[] = {"summary", "credits", "progress", "pending", "exceptions", "open"};
    const char *sheets[] = {"Summary", "Credits", "Progress", "Pending", "Exceptions", "Open"};
    const int sheetCount = (int)(sizeof files / sizeof files[0]);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    if (!workbook) return 1;
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *hours = workbook_add_format(workbook);
    format_set_num_format(hours, "0.0#");
    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);

    static char buffer[1 << 20];
    char *fields[64];
    int kind[64];
    long cells = 0;
    double start = seconds();
    for (int sheet = 0; sheet < sheetCount; sheet++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.csv", argv[1], files[sheet]);
        FILE *file = fopen(path, "r");
        if (!file) { perror(path); return 1; }
        lxw_worksheet *worksheet = workbook_add_worksheet(workbook, sheets[sheet]);
        int count = record(file, fields, 64, buffer, sizeof buffer);
        for (int column = 0; column < count; column++) {
            kind[column] = listed(fields[column], numeric) ? 1 : listed(fields[column], dates) ? 2 : 0;
            worksheet_write_string(worksheet, 0, (lxw_col_t)column, fields[column], header);
        }
        worksheet_freeze_panes(worksheet, 1, 0);
        lxw_row_t row = 1;
        while ((count = record(file, fields, 64, buffer, sizeof buffer)) > 0) {
            for (int column = 0; column < count; column++) {
                const char *text = fields[column];
                if (!text[0]) continue;
                cells++;
                if (kind[column] == 1) {
                    worksheet_write_number(worksheet, row, (lxw_col_t)column, strtod(text, NULL), hours);
                } else if (kind[column] == 2) {
                    lxw_datetime day = {atoi(text), atoi(text + 5), atoi(text + 8), 0, 0, 0};
                    worksheet_write_datetime(worksheet, row, (lxw_col_t)column, &day, date);
                } else {
                    worksheet_write_string(worksheet, row, (lxw_col_t)column, text, NULL);
                }
            }
            row++;
        }
        worksheet_autofilter(worksheet, 0, 0, row - 1, 0);
        fclose(file);
    }
    double written = seconds();
    lxw_error result = workbook_close(workbook);
    fprintf(stderr, "%ld cells: rows %.2f s, close %.2f s\n", cells, written - start, seconds() - written);
    return result == LXW_NO_ERROR ? 0 : 1;
}
