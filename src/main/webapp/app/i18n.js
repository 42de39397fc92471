import { lang, setLang, translator } from '../shared/i18n.js';

// UI words, Vietnamese first. Messages of refusals come from the server in the chosen language.
const WORDS = {
  vi: {
    contests: 'Cuộc thi', register: 'Đăng ký', login: 'Đăng nhập', logout: 'Đăng xuất', certificates: 'Giấy chứng nhận',
    loading: 'Đang tải…', open: 'Đang mở', closed: 'Đã kết thúc', notOpen: 'Chưa mở', kindCert: 'Cuộc thi cấp chứng nhận',
    kindQuiz: 'Bài tìm hiểu', window: 'Thời gian', rulesTime: 'Thời gian làm bài: {0} phút', rulesQuestions: '{0} câu hỏi, tối đa {1} điểm',
    rulesAttempts: 'Số lượt thi: {0}', unlimited: 'không giới hạn', attemptsLeft: 'còn {0} lượt', board: 'Bảng thi',
    start: 'Vào thi', resume: 'Tiếp tục bài đang làm', retake: 'Thi lại', result: 'Kết quả', loginToStart: 'Đăng nhập để thi',
    fullName: 'Họ và tên', birthDate: 'Ngày sinh', email: 'Email', phone: 'Số điện thoại', unit: 'Đơn vị', password: 'Mật khẩu',
    chooseBoard: 'Chọn bảng thi', submitRegister: 'Đăng ký và đăng nhập', submitLogin: 'Đăng nhập', noAccount: 'Chưa có tài khoản?',
    hasAccount: 'Đã có tài khoản?', question: 'Câu {0}/{1}', prev: 'Câu trước', next: 'Câu sau', submit: 'Nộp bài', prediction: 'Câu hỏi dự đoán (để phân định khi bằng điểm)',
    saved: 'Đã lưu', saving: 'Đang lưu…', offline: 'Mất kết nối – đang thử lại', timeLeft: 'Thời gian còn lại',
    notAllSaved: 'Còn câu trả lời chưa lưu được vì mất kết nối, nên bài chưa được nộp. Các câu trả lời vẫn được giữ trên máy này: hãy bấm “Nộp bài” lại khi có mạng.',
    confirmTitle: 'Nộp bài?', confirmAll: 'Bạn đã trả lời tất cả các câu.', confirmUnanswered: 'Bạn còn {0} câu chưa trả lời.',
    confirmYes: 'Nộp bài', confirmNo: 'Làm tiếp', timeUp: 'Đã hết giờ làm bài. Bài thi được nộp tự động với các câu trả lời đã lưu.',
    answersDropped: 'Một số câu trả lời còn lưu trên máy này không thuộc bài thi (câu hỏi hoặc phương án không có) nên đã được bỏ qua; các câu trả lời khác đã được lưu.',
    takenOver: 'Bài thi đang được làm trên một thiết bị khác.', reloadHere: 'Tiếp tục trên thiết bị này', navigator: 'Danh sách câu hỏi',
    answered: 'đã trả lời', unanswered: 'chưa trả lời', score: 'Điểm', band: 'Xếp loại', official: 'Chính thức',
    attempt: 'Lượt', state: 'Trạng thái', completed: 'Bạn đã hoàn thành đợt thi với xếp loại {0}.',
    mustRetake: 'Kết quả chính thức là “Không đạt”. Bạn cần thi lại cho đến khi đạt từ “Trung bình” trở lên để hoàn thành đợt thi.',
    noAttempts: 'Bạn chưa thi lượt nào.', review: 'Xem lại bài', yourAnswer: 'Bạn chọn', correctAnswer: 'Đáp án đúng',
    correctCount: 'Số câu đúng', answerRight: 'Trả lời đúng', answerWrong: 'Trả lời sai', notAnswered: 'Chưa trả lời',
    explanation: 'Giải thích', download: 'Tải PDF', verify: 'Xác minh', emailed: 'Đã gửi tới email của bạn.',
    noCertificates: 'Bạn chưa có giấy chứng nhận nào.', statusVALID: 'Hợp lệ', statusSUPERSEDED: 'Đã được thay thế', statusREVOKED: 'Đã thu hồi',
    IN_PROGRESS: 'Đang làm', SUBMITTED: 'Đã nộp', EXPIRED: 'Hết giờ (tự nộp)', backToContests: 'Về danh sách cuộc thi',
    hello: 'Xin chào, {0}', noContests: 'Hiện chưa có cuộc thi nào.',
    opensIn: 'Mở sau', opensNow: 'Cuộc thi đã mở.',
    loginBeforeOpening: 'Đăng nhập ngay để vào thi khi cuộc thi mở (phiên đăng nhập dùng được cả ngày thi)',
  },
  en: {
    contests: 'Contests', register: 'Register', login: 'Log in', logout: 'Log out', certificates: 'Certificates',
    loading: 'Loading…', open: 'Open', closed: 'Closed', notOpen: 'Not open yet', kindCert: 'Certification contest',
    kindQuiz: 'Study quiz', window: 'Window', rulesTime: 'Time limit: {0} minutes', rulesQuestions: '{0} questions, at most {1} points',
    rulesAttempts: 'Attempts: {0}', unlimited: 'unlimited', attemptsLeft: '{0} left', board: 'Board',
    start: 'Start', resume: 'Resume my attempt', retake: 'Take it again', result: 'Result', loginToStart: 'Log in to take it',
    fullName: 'Full name', birthDate: 'Date of birth', email: 'Email', phone: 'Phone', unit: 'Unit', password: 'Password',
    chooseBoard: 'Choose a board', submitRegister: 'Register and log in', submitLogin: 'Log in', noAccount: 'No account yet?',
    hasAccount: 'Already registered?', question: 'Question {0}/{1}', prev: 'Previous', next: 'Next', submit: 'Submit', prediction: 'Prediction question (breaks ties on equal scores)',
    saved: 'Saved', saving: 'Saving…', offline: 'No connection – retrying', timeLeft: 'Time left',
    notAllSaved: 'Some answers could not be saved because the connection is lost, so the attempt was not submitted. They are kept on this device: press “Submit” again once the connection is back.',
    confirmTitle: 'Submit?', confirmAll: 'You have answered every question.', confirmUnanswered: '{0} question(s) are unanswered.',
    confirmYes: 'Submit', confirmNo: 'Keep going', timeUp: 'Time is up. The attempt was submitted with the answers saved.',
    answersDropped: 'Some answers kept on this device do not belong to this attempt (a question or option it does not have) and were left out; all other answers are saved.',
    takenOver: 'This attempt is now open on another device.', reloadHere: 'Continue on this device', navigator: 'Questions',
    answered: 'answered', unanswered: 'unanswered', score: 'Score', band: 'Grade', official: 'Official',
    attempt: 'Attempt', state: 'State', completed: 'You completed the round with the grade {0}.',
    mustRetake: 'The official result is “Fail”. Take the exam again until you reach “Average” or better to complete the round.',
    noAttempts: 'No attempt yet.', review: 'Review', yourAnswer: 'Your answer', correctAnswer: 'Correct answer',
    correctCount: 'Correct answers', answerRight: 'Answered right', answerWrong: 'Answered wrong', notAnswered: 'Not answered',
    explanation: 'Explanation', download: 'Download PDF', verify: 'Verify', emailed: 'Sent to your email.',
    noCertificates: 'You have no certificate yet.', statusVALID: 'Valid', statusSUPERSEDED: 'Superseded', statusREVOKED: 'Revoked',
    IN_PROGRESS: 'In progress', SUBMITTED: 'Submitted', EXPIRED: 'Time up (auto-submitted)', backToContests: 'Back to contests',
    hello: 'Hello, {0}', noContests: 'No contest yet.',
    opensIn: 'Opens in', opensNow: 'The contest is open.',
    loginBeforeOpening: 'Log in now to start as soon as the contest opens (a log-in lasts the whole exam day)',
  },
};

export const BOARDS = {
  CAN_BO_DOAN: { vi: 'Bảng cán bộ Đoàn', en: 'Union cadres' },
  DOAN_VIEN_CO_QUAN_DOANH_NGHIEP: { vi: 'Bảng đoàn viên thanh niên khối cơ quan và doanh nghiệp', en: 'Union members in agencies and enterprises' },
  THANH_NIEN_CONG_NHAN: { vi: 'Bảng thanh niên công nhân', en: 'Young workers' },
  SINH_VIEN: { vi: 'Bảng sinh viên', en: 'University students' },
  HOC_SINH: { vi: 'Bảng học sinh', en: 'High-school students' },
};

export { lang, setLang };

export const t = translator(WORDS);
