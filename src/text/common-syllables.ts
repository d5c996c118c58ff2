// The commonest syllables of Vietnamese administrative writing, with their marks: what a plan, a
// decision or an official letter is mostly made of. Written for kehoach from the vocabulary of
// such documents; used to prefer "độc lập" over "đọc lạp" when marks must be worked out.

const LIST = `
của và các cho trong với theo tại về được đã đang sẽ có không là này đó những một hai ba năm
ngày tháng quý số người việc công tác thực hiện kế hoạch đơn vị sở phòng ban ngành nhân dân ủy
quản lý nội dung kiểm tra báo cáo tổ chức chức năng nhiệm vụ quy định pháp luật nghị quyết
thông tư chỉ thị hướng dẫn xây dựng hoàn thành đầu cơ sở tỉnh thành phố huyện xã phường thị hội
đồng trường học giáo dục đào tạo việt nam cộng hòa hoà độc lập tự do hạnh phúc an toàn vật liệu
nổ nghiệp kinh tế văn hóa hoá khoa học trình giấy chứng nhận chủ trì phối hợp thời gian địa điểm
đối tượng thành phần tham gia kết quả đề nghị đề xuất kiến nghị khó khăn vướng mắc giải pháp
triển khai tăng cường nâng cao hiệu quả chất lượng đảm bảo bảo trì sử dụng phát triển chính phủ
bộ trưởng giám đốc phó chủ tịch văn phòng nơi gửi lưu kính thưa căn cứ xét ban hành kèm mục đích
yêu cầu tổ trưởng thành viên giao trách nhiệm liên quan hiện hành cụ thể như sau gồm bao khác
đến trên dưới từ sau trước khi lại cùng đây đề án dự án chương tuyên truyền phổ biến đến hết
tiếp tục thường xuyên định kỳ hằng hàng cấp bổ sung sửa đổi điều khoản điểm mỗi tất cả mọi nhà
nước quốc gia quốc tế trung ương địa phương lãnh đạo chỉ đạo điều hành tài chính kế toán ngân
sách nguồn kinh phí dân số y tế môi trường tài nguyên công nghiệp thương mại nông lâm thủy lợi
điện lực năng lượng giao thông vận tải xây lắp thi công nghiệm thu hồ sơ thiết kế hoàn công kho
chứa phục mời tư vấn thầu cháy chữa phòng cứu nạn hộ bãi đỗ khoảng cách thoát chống khói lan
ngăn đường bộ bậc chịu lửa kỹ thuật huấn luyện quy chuẩn tiêu chuẩn thông báo công văn quyết
định đơn giải thể hoạt động viên chức cán bộ công chức người lao động doanh nghiệp công ty cổ
phần trách hữu hạn tập đoàn tổng mạng lưới số hóa chuyển đổi điện tử thông tin truyền dịch dữ
nghĩa chủ xã hội mục tiêu giai đoạn tình hình kính gửi đúng nơi như trên
`;

/** `COMMON_MARKED.has("độc")` → true. */
export const COMMON_MARKED: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
