package vn.caitien.infra.synthetic;

import java.util.List;

/**
 * Names the generator draws from: provinces and communes/wards after the 2025 reorganisation (two
 * administrative levels), with the two-digit codes that begin school codes, and the people and
 * places schools are named after. Real names, so a dashboard full of synthetic schools reads like a
 * real one.
 */
final class Places {
    private Places() {
    }

    record Province(String name, String code, List<String> communes) {
    }

    static final List<Province> PROVINCES = List.of(
            new Province("Thành phố Hồ Chí Minh", "79", List.of("Phường Sài Gòn", "Phường Tân Định", "Phường Bến Thành",
                    "Phường Cầu Ông Lãnh", "Phường Bàn Cờ", "Phường Xuân Hòa", "Phường Nhiêu Lộc", "Phường Diên Hồng",
                    "Phường Vườn Lài", "Phường Hòa Hưng", "Phường Chợ Lớn", "Phường Bình Tây", "Phường Phú Lâm",
                    "Phường Tân Sơn Nhất", "Phường Gia Định", "Phường Thủ Đức", "Phường Linh Xuân", "Xã Củ Chi",
                    "Xã Bình Chánh", "Xã Nhà Bè", "Xã Cần Giờ", "Phường Thủ Dầu Một", "Phường Vũng Tàu", "Xã Hóc Môn")),
            new Province("Thành phố Hà Nội", "01", List.of("Phường Hoàn Kiếm", "Phường Ba Đình", "Phường Ngọc Hà",
                    "Phường Đống Đa", "Phường Kim Liên", "Phường Cầu Giấy", "Phường Tây Hồ", "Phường Hai Bà Trưng",
                    "Phường Hoàng Mai", "Phường Long Biên", "Xã Sóc Sơn", "Xã Đông Anh", "Xã Gia Lâm", "Phường Hà Đông",
                    "Xã Ba Vì", "Phường Sơn Tây")),
            new Province("Thành phố Đà Nẵng", "48", List.of("Phường Hải Châu", "Phường Thanh Khê", "Phường Sơn Trà",
                    "Phường Ngũ Hành Sơn", "Phường Cẩm Lệ", "Xã Hòa Vang", "Phường Hội An", "Phường Tam Kỳ")),
            new Province("Tỉnh Nghệ An", "40", List.of("Phường Vinh Phú", "Phường Trường Vinh", "Xã Nam Đàn",
                    "Xã Diễn Châu", "Xã Quỳnh Lưu", "Phường Hoàng Mai", "Xã Con Cuông", "Xã Thanh Chương")),
            new Province("Tỉnh Đồng Tháp", "82", List.of("Phường Cao Lãnh", "Phường Sa Đéc", "Phường Mỹ Tho",
                    "Xã Tháp Mười", "Xã Lai Vung", "Xã Cái Bè", "Xã Hồng Ngự")),
            new Province("Tỉnh Lào Cai", "15", List.of("Phường Lào Cai", "Phường Sa Pa", "Xã Bắc Hà", "Phường Yên Bái",
                    "Xã Mù Cang Chải", "Xã Bát Xát")));

    static final List<String> NAMESAKES = List.of("Lê Lợi", "Nguyễn Du", "Trần Hưng Đạo", "Lý Thường Kiệt",
            "Nguyễn Trãi", "Chu Văn An", "Lê Quý Đôn", "Nguyễn Bỉnh Khiêm", "Võ Thị Sáu", "Kim Đồng", "Lê Văn Tám",
            "Nguyễn Thị Minh Khai", "Phan Bội Châu", "Phan Chu Trinh", "Hai Bà Trưng", "Quang Trung", "Trưng Vương",
            "Lê Đình Chinh", "Nguyễn Văn Trỗi", "Hoàng Hoa Thám", "Đinh Tiên Hoàng", "Lương Thế Vinh", "Tô Hiến Thành",
            "Nguyễn Khuyến", "Hồ Xuân Hương", "Bế Văn Đàn", "Phan Đình Phùng", "Trần Quốc Toản", "Ngô Quyền", "Lạc Long Quân");

    static final List<String> KINDERGARTEN_NAMES = List.of("Tuổi Hồng", "Hoa Sen", "Họa Mi", "Sơn Ca", "Vàng Anh",
            "Hoa Mai", "Bông Sen", "Măng Non", "Sao Mai", "Hoa Hồng", "Búp Bê", "Thỏ Ngọc", "Bình Minh", "Rạng Đông",
            "Hướng Dương", "Mầm Xanh");

    static final List<String> SURNAMES = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");
    static final List<String> MIDDLE = List.of("Thị", "Văn", "Thị Thu", "Minh", "Ngọc", "Thanh", "Hoàng", "Thị Bích");
    static final List<String> GIVEN = List.of("Mai", "Lan", "Hằng", "Tuấn", "Hương", "Phong", "Kim", "Trang", "Ngọc",
            "Yến", "Linh", "Hân", "Nam", "Khoa", "Vinh", "Hà", "Dũng", "Thảo", "Quân", "Hiền");

    static final List<String> LEADS = List.of("Hiệu trưởng", "Phó hiệu trưởng", "Tổ trưởng chuyên môn",
            "Tổ văn phòng", "Tổng phụ trách Đội", "Kế toán", "CB-GV-NV", "Tổ trưởng chuyên môn, GVCN");

    static final List<String> INDICATORS = List.of("Tỉ lệ giáo viên đạt chuẩn", "Số lớp học đạt chuẩn",
            "Tỉ lệ học sinh hoàn thành chương trình", "Số phòng học được sửa chữa", "Số đầu sách thư viện",
            "Tỉ lệ trẻ được khám sức khỏe", "Số buổi sinh hoạt chuyên môn", "Tỉ lệ cha mẹ học sinh hài lòng");
}
