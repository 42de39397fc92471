package org.examcert.questionbank.format;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.examcert.platform.files.CappedErrors;
import org.examcert.platform.files.ImportError;
import org.examcert.platform.files.ImportError.Place;
import org.examcert.platform.files.ImportRejected;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.ImportText;
import org.examcert.platform.files.Xlsx;

/**
 * A question bank as an .xlsx workbook, one question per row of the sheet "Câu hỏi", for
 * organizers who author in Excel. Columns are found by their header, so they may be reordered;
 * the whole sheet is checked and every error reported with its row (as Excel numbers it) and
 * column before anything is returned. {@link #write} produces a workbook {@link #read} takes back.
 * Its length (about 330 lines) is the reader and the writer of one layout, kept together so that
 * they cannot drift apart.
 */
public final class BankWorkbook {

    public static final String SHEET = "Câu hỏi";
    public static final String GUIDE_SHEET = "Hướng dẫn";

    public static final String ID = "Mã câu hỏi";
    public static final String TOPIC = "Chủ đề";
    public static final String DIFFICULTY = "Độ khó";
    public static final String STEM = "Câu hỏi";
    public static final String OPTION = "Phương án ";
    public static final String CORRECT = "Đáp án đúng";
    public static final String EXPLANATION = "Giải thích";
    public static final String SOURCE = "Nguồn";

    public static final List<String> COLUMNS = List.of(ID, TOPIC, DIFFICULTY, STEM, OPTION + "A", OPTION + "B",
            OPTION + "C", OPTION + "D", OPTION + "E", OPTION + "F", CORRECT, EXPLANATION, SOURCE);
    private static final List<Integer> WIDTHS = List.of(16, 22, 12, 60, 24, 24, 24, 24, 24, 24, 12, 50, 30);
    private static final List<String> REQUIRED = List.of(TOPIC, DIFFICULTY, STEM, OPTION + "A", OPTION + "B", CORRECT);

    public static final int MAX_STEM = ImportText.MAX_STEM;
    public static final int MAX_OPTION = ImportText.MAX_OPTION;
    public static final int MAX_TOPIC = ImportText.MAX_TOPIC;
    public static final int MAX_TEXT = ImportText.MAX_TEXT;

    private static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9-]{1,100}");

    private static final Map<String, Difficulty> DIFFICULTIES = Map.of(
            "dễ", Difficulty.EASY, "trung bình", Difficulty.MEDIUM, "khó", Difficulty.HARD,
            "easy", Difficulty.EASY, "medium", Difficulty.MEDIUM, "hard", Difficulty.HARD);

    private BankWorkbook() {
    }

    /**
     * Reads the questions of a workbook.
     *
     * @throws ImportRejected listing every error, each at {@code "file"}, {@code "row N"} or
     *     {@code "row N, column <header>"} with a {@code bank.xlsx.*} code
     */
    public static BankFile read(String bankCode, String bankTitle, String description, InputStream xlsx) {
        return Xlsx.read(xlsx, "bank.xlsx.not-xlsx", workbook -> new Run(workbook).read(bankCode, bankTitle, description));
    }

    /** The bank as a workbook that {@link #read} accepts unchanged. */
    public static byte[] write(BankFile bank) {
        Objects.requireNonNull(bank, "bank is required");
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet(SHEET);
        Xlsx.header(sheet, COLUMNS, WIDTHS);
        CellStyle wrapped = Xlsx.wrapped(workbook);
        int r = 1;
        for (BankFile.Question q : bank.questions()) {
            List<String> values = new ArrayList<>();
            values.add(q.id());
            values.add(q.topic());
            values.add(vietnamese(q.difficulty()));
            values.add(q.stem());
            for (int i = 0; i < BankFile.Question.MAX_OPTIONS; i++) {
                values.add(i < q.options().size() ? q.options().get(i) : null);
            }
            values.add(letter(q.correctOption() - 1));
            values.add(q.explanation());
            values.add(q.source());
            Row row = Xlsx.row(sheet, r++, values);
            for (int column : List.of(COLUMNS.indexOf(STEM), COLUMNS.indexOf(EXPLANATION))) {
                if (row.getCell(column) != null) {
                    row.getCell(column).setCellStyle(wrapped);
                }
            }
        }
        guide(workbook);
        return Xlsx.bytes(workbook);
    }

    /** An empty bank to fill in: the columns, two example questions that import as they are, and the guide. */
    public static byte[] template() {
        return write(new BankFile("mau", "Mẫu ngân hàng câu hỏi", null, List.of(
                new BankFile.Question("doan-001", "Lịch sử Đoàn", Difficulty.EASY,
                        "Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập ngày nào?",
                        List.of("19/5/1890", "3/2/1930", "26/3/1931", "2/9/1945"), 3,
                        "Ngày 26/3/1931 được lấy làm ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh.",
                        "Lịch sử Đoàn TNCS Hồ Chí Minh", 2),
                new BankFile.Question("doan-002", "Điều lệ Đoàn", Difficulty.MEDIUM,
                        "Đoàn viên thanh niên từ đủ bao nhiêu tuổi được kết nạp vào Đoàn?",
                        List.of("Từ đủ 14 tuổi đến 30 tuổi", "Từ đủ 16 tuổi đến 30 tuổi",
                                "Từ đủ 18 tuổi đến 35 tuổi"), 2,
                        "Điều lệ Đoàn quy định thanh niên Việt Nam tuổi từ 16 đến 30 được kết nạp vào Đoàn.",
                        "Điều lệ Đoàn TNCS Hồ Chí Minh", 3))));
    }

    private static void guide(Workbook workbook) {
        Sheet sheet = workbook.createSheet(GUIDE_SHEET);
        sheet.setColumnWidth(0, 120 * 256);
        CellStyle wrapped = Xlsx.wrapped(workbook);
        List<String> lines = List.of(
                "Hướng dẫn",
                "Mỗi dòng của trang \"Câu hỏi\" là một câu hỏi; dòng 1 là tiêu đề cột, đừng đổi tên cột (có thể đổi thứ tự cột).",
                "Mã câu hỏi: không bắt buộc; chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang. Để trống thì mã được tạo từ nội dung câu hỏi.",
                "Chủ đề và Câu hỏi: bắt buộc.",
                "Độ khó: dễ, trung bình hoặc khó (hoặc easy, medium, hard), không phân biệt chữ hoa, chữ thường.",
                "Phương án A đến F: từ 2 đến 6 phương án, điền liên tiếp từ A, không để trống ở giữa; các phương án phải khác nhau.",
                "Đáp án đúng: một chữ cái từ A đến F, trỏ vào một phương án đã điền.",
                "Giải thích và Nguồn: không bắt buộc.",
                "Câu hỏi dài tối đa " + MAX_STEM + " ký tự, mỗi phương án tối đa " + MAX_OPTION + " ký tự.",
                "Nếu tệp có lỗi, không câu nào được nhập; danh sách lỗi chỉ rõ dòng và cột cần sửa.",
                "",
                "Instructions",
                "Each row of the sheet \"Câu hỏi\" is one question; row 1 holds the column headers: keep their names (the columns may be reordered).",
                "Mã câu hỏi (id): optional; lower-case letters without diacritics, digits and hyphens. When empty, the id is derived from the question text.",
                "Chủ đề (topic) and Câu hỏi (question): required.",
                "Độ khó (difficulty): dễ, trung bình or khó (or easy, medium, hard), in any case.",
                "Phương án A to F (options): 2 to 6 options, filled from A on without gaps; the options must all differ.",
                "Đáp án đúng (correct answer): one letter from A to F, naming a filled option.",
                "Giải thích (explanation) and Nguồn (source): optional.",
                "A question is at most " + MAX_STEM + " characters long, each option at most " + MAX_OPTION + ".",
                "If the file has any error, no question is imported; the error list names the row and column to fix.");
        for (int i = 0; i < lines.size(); i++) {
            Row row = Xlsx.row(sheet, i, List.of(lines.get(i)));
            if (row.getCell(0) != null) {
                row.getCell(0).setCellStyle(wrapped);
            }
        }
    }

    private static String vietnamese(Difficulty difficulty) {
        return switch (difficulty) {
            case EASY -> "dễ";
            case MEDIUM -> "trung bình";
            case HARD -> "khó";
        };
    }

    private static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    private static final class Run {
        private final Sheet sheet;
        private final DataFormatter formatter = Xlsx.formatter();
        private final CappedErrors errors = new CappedErrors();
        private final Map<String, Integer> columns;

        Run(Workbook workbook) {
            this.sheet = Xlsx.sheet(workbook, SHEET);
            this.columns = Xlsx.headers(sheet.getRow(0), formatter);
        }

        BankFile read(String bankCode, String bankTitle, String description) {
            for (String name : REQUIRED) {
                if (!columns.containsKey(Xlsx.key(name))) {
                    errors.add(ImportError.of(Place.row(1), "bank.xlsx.column-missing", name));
                }
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            List<BankFile.Question> questions = new ArrayList<>();
            Map<String, Integer> idRows = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (Xlsx.blank(row, formatter)) {
                    continue;
                }
                BankFile.Question q = question(row, r + 1, idRows);
                if (q != null) {
                    questions.add(q);
                }
            }
            if (questions.isEmpty() && errors.isEmpty()) {
                errors.add(ImportError.of(Place.row(2), "bank.xlsx.no-questions"));
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            return new BankFile(bankCode, bankTitle, description, questions);
        }

        private BankFile.Question question(Row row, int number, Map<String, Integer> idRows) {
            int errorsBefore = errors.total();
            String topic = required(row, number, TOPIC, "bank.xlsx.topic-missing", MAX_TOPIC);
            String stem = required(row, number, STEM, "bank.xlsx.stem-missing", MAX_STEM);

            String difficultyText = cell(row, DIFFICULTY);
            Difficulty difficulty = DIFFICULTIES.get(difficultyText.toLowerCase(Locale.ROOT));
            if (difficulty == null) {
                errors.add(ImportError.of(place(number, DIFFICULTY), "bank.xlsx.difficulty-unknown",
                        difficultyText));
            }

            List<String> options = new ArrayList<>();
            int filled = 0;
            String gap = null;
            for (int i = 0; i < BankFile.Question.MAX_OPTIONS; i++) {
                String column = OPTION + letter(i);
                String option = cell(row, column);
                if (option.isEmpty()) {
                    gap = gap == null ? letter(i) : gap;
                    continue;
                }
                filled++;
                if (gap != null) {
                    errors.add(ImportError.of(place(number, OPTION + gap), "bank.xlsx.option-gap", gap,
                            letter(i)));
                    gap = null; // one error per hole
                }
                tooLong(number, column, option, MAX_OPTION);
                int earlier = options.indexOf(option);
                if (earlier >= 0) {
                    errors.add(ImportError.of(place(number, column), "bank.xlsx.option-repeated", letter(i),
                            letter(earlier)));
                }
                while (options.size() < i) {
                    options.add(""); // keep letters aligned with positions; a gap is already an error
                }
                options.add(option);
            }
            if (filled < BankFile.Question.MIN_OPTIONS) {
                errors.add(ImportError.of(Place.row(number), "bank.xlsx.too-few-options",
                        BankFile.Question.MIN_OPTIONS));
            }

            String last = letter(Math.max(options.size(), BankFile.Question.MIN_OPTIONS) - 1);
            String answer = cell(row, CORRECT).toUpperCase(Locale.ROOT);
            int correct = 0;
            if (answer.isEmpty()) {
                errors.add(ImportError.of(place(number, CORRECT), "bank.xlsx.answer-missing", last));
            } else if (answer.length() != 1 || answer.charAt(0) < 'A'
                    || answer.charAt(0) >= 'A' + BankFile.Question.MAX_OPTIONS) {
                errors.add(ImportError.of(place(number, CORRECT), "bank.xlsx.answer-invalid", answer, last));
            } else {
                correct = answer.charAt(0) - 'A' + 1;
                if (correct > options.size() || options.get(correct - 1).isEmpty()) {
                    errors.add(ImportError.of(place(number, CORRECT), "bank.xlsx.answer-option-empty",
                            answer));
                }
            }

            String explanation = cell(row, EXPLANATION);
            tooLong(number, EXPLANATION, explanation, MAX_TEXT);
            String source = cell(row, SOURCE);
            tooLong(number, SOURCE, source, MAX_TEXT);

            String id = cell(row, ID);
            if (!id.isEmpty() && !ID_PATTERN.matcher(id).matches()) {
                errors.add(ImportError.of(place(number, ID), "bank.xlsx.id-invalid", id));
            } else if (id.isEmpty() && !stem.isEmpty()) {
                Integer other = idRows.putIfAbsent(ImportText.stemId(stem), number);
                if (other != null) {
                    errors.add(ImportError.of(place(number, STEM), "bank.xlsx.duplicate-question", other));
                }
                id = ImportText.stemId(stem);
            } else if (!id.isEmpty()) {
                Integer other = idRows.putIfAbsent(id, number);
                if (other != null) {
                    errors.add(ImportError.of(place(number, ID), "bank.xlsx.duplicate-id", id, other));
                }
            }
            if (errors.total() > errorsBefore) {
                return null;
            }
            return new BankFile.Question(id, topic, difficulty, stem, options, correct,
                    explanation.isEmpty() ? null : explanation, source.isEmpty() ? null : source, number);
        }

        private String required(Row row, int number, String column, String code, int max) {
            String value = cell(row, column);
            if (value.isEmpty()) {
                errors.add(ImportError.of(place(number, column), code));
            }
            tooLong(number, column, value, max);
            return value;
        }

        private void tooLong(int number, String column, String value, int max) {
            if (value.length() > max) {
                errors.add(ImportError.of(place(number, column), "bank.xlsx.too-long", max, value.length()));
            }
        }

        private String cell(Row row, String column) {
            Integer index = columns.get(Xlsx.key(column));
            return index == null ? "" : Xlsx.text(row, index, formatter);
        }
    }

    private static Place place(int row, String column) {
        return Place.cell(row, column);
    }
}
