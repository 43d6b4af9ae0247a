/**
 * What every error code says to a person, in Vietnamese (the default) and English. The API answers in the
 * caller's `Accept-Language`, the pages in the user's language; the message may use the error's details.
 * A unit test fails when a code used anywhere in the code has no entry here.
 */
export type ErrorLocale = 'vi' | 'en';
type Details = Record<string, unknown>;
type Text = string | ((d: Details) => string);

const str = (d: Details, key: string, fallback = '') => {
  const v = d[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
};
/** A message followed by the service's reason, when it gave one (a detail the catalogue cannot word ahead). */
const because = (text: string) => (d: Details) =>
  typeof d.reason === 'string' ? `${text}: ${d.reason}` : text;
const named = (d: Details, key: string, locale: ErrorLocale) => {
  const v = d[key] as { nameVi?: string; nameEn?: string } | undefined;
  return (locale === 'vi' ? v?.nameVi : v?.nameEn) ?? '';
};

/** A file kind as people know it: `doc` → DOC. */
const fileTypeName = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : '');
const fileTypeNames = (v: unknown) => (Array.isArray(v) ? v.map(fileTypeName).join(', ') : '');

export const ERROR_MESSAGES: Record<string, { vi: Text; en: Text }> = {
  // ---- the request itself ----------------------------------------------------------------------------------
  'REQUEST.INVALID': { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' },
  'REQUEST.VALIDATION_FAILED': {
    vi: 'Dữ liệu gửi lên chưa hợp lệ; xem các trường bị lỗi.',
    en: 'Some fields are invalid; see the fields listed.',
  },
  'REQUEST.NOT_FOUND': { vi: 'Không tìm thấy.', en: 'Not found.' },
  'REQUEST.METHOD_NOT_ALLOWED': {
    vi: 'Phương thức này không dùng được với địa chỉ này.',
    en: 'This method is not allowed on this address.',
  },
  'REQUEST.NOT_ACCEPTABLE': {
    vi: 'Không có định dạng trả lời phù hợp với yêu cầu.',
    en: 'No answer in an acceptable format.',
  },
  'REQUEST.TOO_LARGE': { vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': {
    vi: 'Kiểu nội dung không được hỗ trợ (dùng JSON, hoặc multipart để gửi tệp).',
    en: 'This content type is not supported (send JSON, or multipart for files).',
  },
  'REQUEST.URI_TOO_LONG': { vi: 'Địa chỉ yêu cầu quá dài.', en: 'The request URL is too long.' },
  'REQUEST.HEADERS_TOO_LARGE': {
    vi: 'Phần đầu (header) của yêu cầu quá lớn.',
    en: 'The request headers are too large.',
  },
  'REQUEST.BAD_URL': { vi: 'Địa chỉ yêu cầu không hợp lệ.', en: 'The request URL is malformed.' },
  'REQUEST.TIMEOUT': {
    vi: 'Yêu cầu gửi đến quá chậm; hãy gửi lại.',
    en: 'The request took too long to arrive; send it again.',
  },
  'REQUEST.MALFORMED': { vi: 'Yêu cầu HTTP không đúng định dạng.', en: 'The HTTP request is malformed.' },
  'REQUEST.CONFLICT': {
    vi: 'Trùng với một bản ghi đã có.',
    en: 'This conflicts with an existing record.',
  },
  'REQUEST.INVALID_CURSOR': {
    vi: 'Con trỏ phân trang không hợp lệ.',
    en: 'The cursor is not one this API returned.',
  },
  'REQUEST.INVALID_IDEMPOTENCY_KEY': {
    vi: 'Idempotency-Key phải gồm 1–255 ký tự ASCII nhìn thấy được.',
    en: 'Idempotency-Key must be 1–255 visible ASCII characters.',
  },
  'REQUEST.INVALID_IF_MATCH': {
    vi: 'If-Match phải là ETag mà hệ thống đã trả về, ví dụ "3".',
    en: 'If-Match must be the ETag this API returned, such as "3".',
  },
  'REQUEST.RATE_LIMITED': {
    vi: 'Quá nhiều yêu cầu; vui lòng chờ rồi thử lại.',
    en: 'Too many requests; wait and try again.',
  },
  'SERVICE.UNAVAILABLE': {
    vi: 'Hệ thống tạm thời không sẵn sàng; vui lòng thử lại sau ít phút.',
    en: 'A backing service is unavailable; try again shortly.',
  },
  INTERNAL: { vi: 'Lỗi hệ thống.', en: 'Internal error.' },
  'IDEMPOTENCY.IN_PROGRESS': {
    vi: 'Một yêu cầu cùng Idempotency-Key đang được xử lý.',
    en: 'A request with this Idempotency-Key is in progress.',
  },
  'IDEMPOTENCY.KEY_REUSED': {
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used with a different request.',
  },

  // ---- signing in, accounts ----------------------------------------------------------------------------------
  'AUTH.UNAUTHENTICATED': { vi: 'Vui lòng đăng nhập.', en: 'Sign in: a valid token is required.' },
  'AUTH.INVALID_CREDENTIALS': {
    vi: 'Thư điện tử hoặc mật khẩu không đúng.',
    en: 'The e-mail or the password is wrong.',
  },
  'AUTH.INVALID_TOKEN': {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại.',
    en: 'The token is invalid or has expired; sign in again.',
  },
  'AUTH.SESSION_ENDED': {
    vi: 'Phiên đăng nhập đã kết thúc (đăng xuất, bị thu hồi hoặc hết hạn); vui lòng đăng nhập lại.',
    en: 'This session has ended (signed out, revoked or expired); sign in again.',
  },
  'AUTH.SESSION_NOT_FOUND': {
    vi: 'Không có phiên đăng nhập này của bạn.',
    en: 'No such session of yours.',
  },
  'AUTH.FORBIDDEN': {
    vi: 'Vai trò của bạn không được thực hiện việc này.',
    en: 'Your role may not do this.',
  },
  'AUTH.TOO_MANY_ATTEMPTS': {
    vi: (d) =>
      `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${str(d, 'retryAfterSeconds', 'ít phút')} giây.`,
    en: (d) => `Too many failed sign-ins; try again in ${str(d, 'retryAfterSeconds', 'a few')} seconds.`,
  },
  'AUTH.WRONG_PASSWORD': { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  'AUTH.WEAK_PASSWORD': {
    vi: 'Mật khẩu mới chưa đạt yêu cầu (ít nhất 12 ký tự, không trùng thư điện tử, không phải mật khẩu phổ biến).',
    en: 'The new password does not meet the policy (at least 12 characters, not the e-mail, not a common password).',
  },
  'AUTH.RESET_LINK_INVALID': {
    vi: 'Liên kết đặt lại mật khẩu không còn hiệu lực (đã hết hạn, đã dùng hoặc đã có liên kết mới hơn).',
    en: 'This password reset link is not valid: it has expired, was used, or was replaced by a newer one.',
  },
  'AUTH.PASSWORD_CHANGE_REQUIRED': {
    vi: 'Hãy đổi mật khẩu dùng một lần trước khi tiếp tục.',
    en: 'Change the one-time password first.',
  },
  'USER.EMAIL_TAKEN': { vi: 'Đã có người dùng với thư điện tử này.', en: 'A user with this e-mail exists.' },
  'USER.NOT_FOUND': { vi: 'Không tìm thấy người dùng.', en: 'No such user.' },
  'USER.NOTHING_TO_CHANGE': {
    vi: 'Cần nêu ít nhất một điều cần thay đổi (trạng thái, vai trò, đơn vị, họ tên).',
    en: 'Give at least one of active, role, organizationId, fullName.',
  },
  'USER.OWN_ACCOUNT': {
    vi: 'Không thể tự khoá hay tự đổi vai trò, đơn vị của chính mình; hãy nhờ quản trị viên khác.',
    en: 'You cannot lock your own account or change your own role or organisation; ask another administrator.',
  },
  'USER.REASON_REQUIRED': {
    vi: 'Cần nêu lý do khi khoá tài khoản hoặc đổi vai trò, đơn vị.',
    en: 'A reason is required to lock an account or change its role or organisation.',
  },
  'WEB.SIGN_IN_REQUIRED': { vi: 'Vui lòng đăng nhập để tiếp tục.', en: 'Sign in to continue.' },
  'WEB.CSRF_INVALID': {
    vi: 'Mã xác thực biểu mẫu thiếu hoặc không hợp lệ; chưa có gì thay đổi. Hãy tải lại trang và thử lại.',
    en: 'The form token is missing or invalid; nothing was changed. Reload the page and try again.',
  },
  'QUEUES.READ_ONLY_IN_BROWSER': {
    vi: 'Bảng điều khiển hàng đợi chỉ để xem khi đăng nhập bằng trình duyệt; thao tác thay đổi cần mã truy cập (bearer).',
    en: 'The queue dashboard is read-only with the web session; change queues with a bearer token.',
  },

  // ---- organisations, clusters, leadership -------------------------------------------------------------------
  'ORGANIZATION.NOT_FOUND': { vi: 'Không tìm thấy đơn vị.', en: 'No such organisation.' },
  'ORGANIZATION.CODE_TAKEN': { vi: 'Mã đơn vị đã tồn tại.', en: 'An organisation with this code exists.' },
  'ORGANIZATION.ALREADY_ENDED': {
    vi: 'Đơn vị này đã kết thúc hoạt động.',
    en: 'This organisation has already ended.',
  },
  'ORGANIZATION.INVALID_SUCCESSOR': {
    vi: because('Đơn vị kế thừa không hợp lệ'),
    en: because('The successor is not valid'),
  },
  'ORGANIZATION.NOT_A_CLUSTER': {
    vi: 'Đơn vị này không phải cụm, khối thi đua.',
    en: 'This organisation is not a cluster or block.',
  },
  'ORGANIZATION.INVALID_MEMBERS': {
    vi: 'Thành viên cụm không hợp lệ: cụm trưởng, cụm phó phải là thành viên của cụm trong năm.',
    en: 'Invalid cluster membership: the leader and deputies must be members that year.',
  },
  'ORGANIZATION.ENDED': {
    vi: (d) =>
      d.successor
        ? `${named(d, 'organization', 'vi')} đã sáp nhập vào ${named(d, 'successor', 'vi')} từ sau ngày ${str(d, 'endedOn')}; người của ${named(d, 'successor', 'vi')} thực hiện thay.`
        : 'Đơn vị của bạn đã kết thúc hoạt động; đơn vị kế thừa tiếp tục công việc.',
    en: (d) =>
      d.successor
        ? `${named(d, 'organization', 'en')} ended on ${str(d, 'endedOn')} (merged into ${named(d, 'successor', 'en')}); the people of ${named(d, 'successor', 'en')} act in its place.`
        : 'Your organisation has ended; its successor continues its work.',
  },
  'CLUSTER.NOT_FOUND': {
    vi: 'Không có cụm thi đua năm này trong phạm vi của bạn.',
    en: 'No such cluster year among yours.',
  },
  'CLUSTER.NOT_LEADER': {
    vi: 'Chỉ ban lãnh đạo cụm năm này được làm việc này.',
    en: 'Only the cluster leadership of that year may do this.',
  },
  'CLUSTER.NOT_OUTGOING_LEADERSHIP': {
    vi: 'Chỉ quản trị viên, hoặc cụm trưởng, cụm phó năm trước được ghi nhận ban lãnh đạo của năm.',
    en: "Only the administrator, or the leader or a deputy of the year before, records a year's leadership.",
  },
  'CLUSTER.LEADERSHIP_INSTALLED': {
    vi: 'Ban lãnh đạo năm này đã được bầu; chỉ quản trị viên được thay đổi, và phải nêu lý do.',
    en: "The year's leadership is installed; only the administrator changes it, with a reason.",
  },
  'CLUSTER.NO_RESULT': {
    vi: 'Kết quả năm trước chưa xác định một đơn vị dẫn đầu; quản trị viên ghi nhận quyết định của hội nghị.',
    en: "The previous year's results name no single leading unit: the administrator records what the conference decided.",
  },
  'CLUSTER.LEADER_NOT_PROPOSED': {
    vi: 'Cụm trưởng phải là đơn vị mà kết quả năm trước đề xuất.',
    en: "The leader must be the unit the year's result proposes.",
  },
  'CLUSTER.DEPUTIES_NOT_PROPOSED': {
    vi: 'Cụm phó phải là các đơn vị mà kết quả năm trước đề xuất; lựa chọn khác của hội nghị do quản trị viên ghi nhận.',
    en: "The deputies must be those the year's result proposes; the administrator records any other choice of the conference.",
  },
  'CLUSTER.REASON_REQUIRED': {
    vi: 'Cần nêu lý do thay đổi ban lãnh đạo.',
    en: 'Changing an installed leadership needs a reason.',
  },
  'AGREEMENT.EXISTS': { vi: 'Năm này đã có giao ước thi đua.', en: 'The agreement of this year exists.' },
  'AGREEMENT.NOT_FOUND': { vi: 'Năm này chưa có giao ước thi đua.', en: 'No agreement for this year.' },
  'AGREEMENT.NO_MEMBERS': {
    vi: 'Cụm chưa có thành viên trong năm này.',
    en: 'The cluster has no members that year.',
  },
  'AGREEMENT.NOT_A_MEMBER': {
    vi: 'Chỉ đơn vị thành viên của cụm trong năm này được ký.',
    en: 'Only a member organisation of the cluster that year signs.',
  },
  'AGREEMENT.ALREADY_SIGNED': { vi: 'Đơn vị bạn đã ký giao ước.', en: 'Your organisation has signed.' },
  'AGREEMENT.DUPLICATE_CRITERION': {
    vi: 'Mã tiêu chí không được trùng nhau.',
    en: 'Criterion codes must be unique.',
  },
  'AGREEMENT.REASON_REQUIRED': { vi: 'Cần nêu lý do huỷ giao ước.', en: 'Cancelling needs a reason.' },
  'EVALUATION.AGREEMENT_NOT_IN_FORCE': {
    vi: 'Chỉ báo cáo kết quả theo giao ước đã có hiệu lực.',
    en: 'Results are reported against an agreement in force.',
  },
  'EVALUATION.CONFIRMED': {
    vi: 'Kết quả đã được xác nhận, không thể thay đổi.',
    en: 'Confirmed results cannot change.',
  },
  'EVALUATION.INVALID_SCORES': {
    vi: 'Cần chấm điểm mọi tiêu chí, trong khoảng cho phép.',
    en: 'A score for every criterion, within its range.',
  },
  'EVALUATION.NOT_A_MEMBER': {
    vi: 'Chỉ đơn vị thành viên báo cáo kết quả của mình.',
    en: 'Only a member organisation reports its own results.',
  },
  'EVALUATION.NOT_FOUND': { vi: 'Đơn vị này chưa báo cáo kết quả.', en: 'This member has not reported.' },
  'EVALUATION.NOT_SUBMITTED': {
    vi: 'Kết quả chưa ở trạng thái chờ xác nhận.',
    en: 'The results are not waiting for confirmation.',
  },
  'EVALUATION.OWN_RESULTS': {
    vi: 'Kết quả của đơn vị mình do thành viên khác của ban lãnh đạo cụm (hoặc quản trị viên) xác nhận.',
    en: 'Another member of the leadership (or the administrator) reviews your own results.',
  },
  'EVALUATION.SEEN_REQUIRED': {
    vi: 'Hãy xác nhận đúng kết quả đã xem (gửi kèm thời điểm nộp của kết quả).',
    en: 'Confirm the results you read: send their submittedAt.',
  },
  'EVALUATION.CHANGED': {
    vi: 'Kết quả đã được nộp lại sau khi bạn xem; hãy xem lại trước khi xác nhận.',
    en: 'The results changed since you read them: read them again.',
  },
  'EVALUATION.REASON_REQUIRED': { vi: 'Cần nêu lý do trả lại.', en: 'Returning needs a reason.' },

  // ---- awards and policy -------------------------------------------------------------------------------------
  'AWARD.UNKNOWN_TYPE': { vi: 'Không có hình thức khen thưởng này.', en: 'No such award type.' },
  'AWARD.NO_POLICY_IN_FORCE': {
    vi: 'Chưa có chính sách khen thưởng có hiệu lực vào ngày này.',
    en: 'No policy of this award is in force on that day.',
  },
  'AWARD.POLICY_NOT_AFTER_LATEST': {
    vi: 'Ngày hiệu lực phải sau phiên bản chính sách mới nhất; các phiên bản cũ là lịch sử.',
    en: 'A new policy version must take effect after the latest one; past versions are history.',
  },
  'AWARD.INVALID_RULES': {
    vi: because('Nội dung chính sách không hợp lệ'),
    en: because('The policy rules are invalid'),
  },

  // ---- calendar ----------------------------------------------------------------------------------------------
  'CALENDAR.INVALID_DATE': { vi: 'Ngày không hợp lệ (YYYY-MM-DD).', en: 'Not a date (YYYY-MM-DD).' },
  'CALENDAR.INVALID_YEAR': {
    vi: 'Lịch chỉ áp dụng cho các năm 2000–2100.',
    en: 'The calendar covers 2000–2100.',
  },
  'CALENDAR.DAY_NOT_ENTERED': {
    vi: 'Ngày này chưa được nhập vào lịch.',
    en: 'No day was entered for this date.',
  },
  'CALENDAR.YEAR_ALREADY_CONFIRMED': {
    vi: 'Lịch của năm này đã được xác nhận.',
    en: "This year's schedule is already confirmed.",
  },

  // ---- nominations and dossiers ------------------------------------------------------------------------------
  'NOMINATION.NOT_FOUND': { vi: 'Không tìm thấy hồ sơ đề nghị.', en: 'No such nomination.' },
  'NOMINATION.INVALID': { vi: 'Hồ sơ đề nghị không hợp lệ.', en: 'The nomination is invalid.' },
  'NOMINATION.NOT_NOMINATOR': {
    vi: 'Chỉ đơn vị đề nghị được tạo hồ sơ.',
    en: 'Only a nominating unit may create nominations.',
  },
  'NOMINATION.NOT_CLUSTER_MEMBER': {
    vi: 'Đơn vị không là thành viên của cụm trong năm này.',
    en: 'The nominating unit is not a member of this cluster in this year.',
  },
  'NOMINATION.NOMINEE_KIND_NOT_ALLOWED': {
    vi: 'Hình thức khen thưởng này không xét cho loại đối tượng đã chọn (tập thể/cá nhân).',
    en: 'This award is not given to this kind of nominee (collective/individual).',
  },
  'NOMINATION.DUPLICATE': {
    vi: 'Đối tượng này đã có hồ sơ đề nghị cùng hình thức và năm.',
    en: 'This nominee already has an active nomination for this award and year.',
  },
  'NOMINATION.NOT_EDITABLE': {
    vi: 'Hồ sơ không thể sửa ở trạng thái hiện tại.',
    en: 'The nomination cannot be edited in its current state.',
  },
  'NOMINATION.READ_ONLY': {
    vi: 'Bạn chỉ được xem hồ sơ ứng viên này, không được sửa.',
    en: 'You may read this candidate, not change it.',
  },
  'NOMINATION.UNKNOWN_EVENT': { vi: 'Không có thao tác này.', en: 'Unknown event.' },
  'NOMINATION.REASON_REQUIRED': { vi: 'Cần nêu lý do.', en: 'This action needs a reason.' },
  'NOMINATION.INVALID_EVENT_PAYLOAD': {
    vi: 'Thông tin kèm theo thao tác chưa hợp lệ.',
    en: 'The event payload is invalid.',
  },
  'NOMINATION.DUE_DATE_IN_PAST': {
    vi: 'Hạn này đã qua; hãy chọn từ hôm nay trở đi (giờ Việt Nam).',
    en: 'The due date has passed; choose today or later (Vietnam time).',
  },
  'NOMINATION.IF_MATCH_REQUIRED': {
    vi: 'Hãy gửi If-Match với phiên bản bạn đã xem.',
    en: 'Send If-Match with the version you saw.',
  },
  'NOMINATION.STANDARD_NOT_MET': {
    vi: 'Đối tượng chưa đạt tiêu chí bắt buộc của tiêu chuẩn khen thưởng (xem phần Đối chiếu tiêu chuẩn).',
    en: "The nominee does not meet a required criterion of the award's standard (see the eligibility check).",
  },
  'NOMINATION.ACCEPTANCE_REASON_REQUIRED': {
    vi: 'Có tiêu chí chưa đạt: cần ghi lý do chấp nhận để thông qua.',
    en: 'A criterion is not met: accepting it needs a written reason.',
  },
  'REGISTER.PERSON_NOT_FOUND': {
    vi: 'Không tìm thấy cá nhân này trong phạm vi của bạn.',
    en: 'No such person within your scope.',
  },
  'REGISTER.INVALID': { vi: 'Dữ liệu không hợp lệ.', en: 'The data is invalid.' },
  'REGISTER.ENTRY_NOT_FOUND': {
    vi: 'Không tìm thấy mục này trong sổ khen thưởng.',
    en: 'No such register entry.',
  },
  'REGISTER.ORGANIZATION_NOT_FOUND': {
    vi: 'Không tìm thấy đơn vị này trong phạm vi của bạn.',
    en: 'No such organisation within your scope.',
  },
  'REGISTER.FORBIDDEN': {
    vi: 'Vai trò của bạn không được thực hiện việc này trên sổ khen thưởng.',
    en: 'Your role may not do this on the register.',
  },
  'REGISTER.ALREADY_REVOKED': {
    vi: 'Quyết định này đã bị huỷ bỏ trước đó.',
    en: 'This register entry is already revoked.',
  },
  'REGISTER.MERGE_INVALID': {
    vi: because('Không thể gộp hai hồ sơ cá nhân này'),
    en: because('These two person records cannot be merged'),
  },
  'REGISTER.IMPORT_INVALID': {
    vi: (d) =>
      `${Array.isArray(d.rows) ? d.rows.length : 'Một số'} dòng của tệp chưa hợp lệ; chưa có gì được nhập (xem lỗi từng dòng).`,
    en: (d) =>
      `${Array.isArray(d.rows) ? d.rows.length : 'Some'} row(s) of the file are not valid: nothing was imported (see each row's problems).`,
  },
  'REGISTER.IMPORT_UNREADABLE': {
    vi: 'Tệp không phải bảng tính sổ khen thưởng đọc được (hãy dùng mẫu tải về).',
    en: 'The file is not a readable register workbook (use the template).',
  },
  'REGISTER.UNKNOWN_AWARD': {
    vi: 'Không có danh hiệu, hình thức khen thưởng này.',
    en: 'No such award or title.',
  },
  'WORKFLOW.NO_MIGRATION': {
    vi: 'Không có cách chuyển quy trình giữa hai phiên bản này.',
    en: 'No migration between these two versions of the workflow.',
  },
  'NOMINATION.DOSSIER_INCOMPLETE': {
    vi: 'Hồ sơ còn thiếu tài liệu bắt buộc.',
    en: 'The dossier lacks a required document.',
  },
  'NOMINATION.DECISION_INVALID': { vi: 'Quyết định không hợp lệ.', en: 'The decision is not valid.' },
  'NOMINATION.QUOTA_EXCEEDED': { vi: 'Đã hết chỉ tiêu đề nghị.', en: 'The quota is used up.' },
  'NOMINATION.VOTE_MINUTES_MISSING': {
    vi: 'Chưa có biên bản bình xét trong hồ sơ.',
    en: 'The minutes of the vote are not in the dossier.',
  },
  'DOCUMENT.NOT_FOUND': { vi: 'Không tìm thấy tài liệu.', en: 'No such document.' },
  'DOCUMENT.FILE_REQUIRED': { vi: 'Hãy chọn một tệp.', en: 'Send one file with its kind.' },
  'DOCUMENT.TOO_LARGE': { vi: 'Tệp quá lớn (tối đa 20 MB).', en: 'The file is too large (20 MB at most).' },
  'DOCUMENT.TYPE_NOT_ALLOWED': {
    vi: 'Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX, JPEG, PNG (kiểm tra theo nội dung).',
    en: 'Only PDF, DOC, DOCX, XLS, XLSX, JPEG and PNG files are accepted (checked by content).',
  },
  'DOCUMENT.NAME_MISMATCH': {
    vi: (d) =>
      `Tên tệp là tệp ${fileTypeName(d.claimed)} nhưng nội dung là ${fileTypeName(d.type)}; hãy chọn đúng tệp hoặc đặt lại tên.`,
    en: (d) =>
      `The file is named as ${fileTypeName(d.claimed)} but its content is ${fileTypeName(d.type)}; choose the right file or rename it.`,
  },
  'DOCUMENT.TYPE_NOT_IN_POLICY': {
    vi: (d) =>
      `Chính sách của hình thức khen thưởng này không nhận tệp ${fileTypeName(d.type)}; chỉ nhận: ${fileTypeNames(d.allowed)}.`,
    en: (d) =>
      `The policy of this award does not accept ${fileTypeName(d.type)} files; it accepts ${fileTypeNames(d.allowed)}.`,
  },
  'DOCUMENT.DOSSIER_FROZEN': {
    vi: 'Hồ sơ không thể thay đổi ở trạng thái này.',
    en: 'The dossier cannot change in this state.',
  },
  'DOCUMENT.UPLOAD_NOT_ALLOWED': {
    vi: 'Bạn không được thêm loại tài liệu này.',
    en: 'You may not add this kind of document.',
  },

  // ---- the workflow engine -----------------------------------------------------------------------------------
  'WORKFLOW.TRANSITION_NOT_ALLOWED': {
    vi: 'Thao tác này không thực hiện được ở trạng thái hiện tại.',
    en: 'This action is not accepted in the current state.',
  },
  'WORKFLOW.ACTOR_NOT_ENTITLED': {
    vi: 'Bạn không được thực hiện thao tác này.',
    en: 'You may not take this action.',
  },
  'WORKFLOW.VERSION_MISMATCH': {
    vi: 'Đã có người thay đổi hồ sơ này trong lúc bạn xem; hãy tải lại rồi thử lại.',
    en: 'Someone changed this meanwhile: reload it and try again.',
  },
  'WORKFLOW.INSTANCE_NOT_FOUND': { vi: 'Không tìm thấy.', en: 'Not found.' },
  'WORKFLOW.UNKNOWN_MACHINE': { vi: 'Không có quy trình này.', en: 'No such workflow.' },
  'WORKFLOW.TIMER_INVALID': { vi: 'Thời hạn không hợp lệ.', en: 'The deadline is not a valid date.' },

  // ---- voting ------------------------------------------------------------------------------------------------
  'VOTING.SESSION_NOT_FOUND': { vi: 'Không tìm thấy phiên bình xét.', en: 'No such voting session.' },
  'VOTING.NOT_LEADER': {
    vi: 'Chỉ ban lãnh đạo cụm năm đó được điều hành phiên bình xét.',
    en: 'Only the cluster leadership of that year may run its vote.',
  },
  'VOTING.NOT_A_VOTER': {
    vi: 'Phiếu do đại diện đơn vị thành viên (người bỏ phiếu) bỏ.',
    en: 'Ballots are cast by a member delegate.',
  },
  'VOTING.NOT_ELIGIBLE': {
    vi: 'Đơn vị của bạn không có quyền bỏ phiếu trong phiên này.',
    en: 'Your organisation does not vote in this session.',
  },
  'VOTING.NOT_OPEN': {
    vi: 'Phiên bình xét không mở để bỏ phiếu.',
    en: 'The session is not open for ballots.',
  },
  'VOTING.ALREADY_VOTED': {
    vi: 'Đơn vị bạn đã bỏ phiếu trong vòng này.',
    en: 'Your organisation has already voted in this round.',
  },
  'VOTING.NO_QUORUM': {
    vi: (d) =>
      d.required !== undefined
        ? `Mới có ${str(d, 'turnout')} đơn vị bỏ phiếu; cần ít nhất ${str(d, 'required')} để đóng phiên.`
        : 'Chưa đủ số đơn vị bỏ phiếu để đóng phiên.',
    en: (d) =>
      d.required !== undefined
        ? `Only ${str(d, 'turnout')} members voted; ${str(d, 'required')} are needed to close.`
        : 'Too few members have voted to close the session.',
  },
  'VOTING.NO_RUNOFF_NEEDED': {
    vi: 'Không có trường hợp bằng phiếu cần bỏ phiếu lại.',
    en: 'No tie needs a run-off.',
  },
  'VOTING.RUNOFF_PENDING': {
    vi: 'Cần bỏ phiếu lại giữa các ứng viên bằng phiếu trước khi chứng nhận kết quả.',
    en: 'A run-off among the tied candidates comes before certification.',
  },
  'VOTING.REASON_REQUIRED': { vi: 'Cần nêu lý do huỷ phiên.', en: 'Cancelling needs a reason.' },
  'VOTING.BALLOTS_UNREADABLE': {
    vi: 'Không mở được các phiếu đã niêm phong của vòng này bằng khoá bí mật hiện tại của máy chủ; cần khôi phục BALLOT_SECRET (hoặc JWT_SECRET) như khi bỏ phiếu.',
    en: "The round's sealed ballots cannot be opened with this server's ballot secret: restore BALLOT_SECRET (or JWT_SECRET) as it was when they were cast.",
  },
  'VOTING.INVALID_CLOSING_TIME': {
    vi: 'Thời điểm đóng phiên phải ở tương lai.',
    en: 'The closing time must be in the future.',
  },
  'VOTING.DUPLICATE_AWARD': { vi: 'Mỗi hình thức chỉ xuất hiện một lần.', en: 'Each award appears once.' },
  'VOTING.DUPLICATE_CANDIDATE': {
    vi: 'Mỗi hồ sơ chỉ là ứng viên một lần.',
    en: 'A nomination is a candidate once.',
  },
  'VOTING.AWARD_NOT_VOTED': {
    vi: 'Hình thức này không xét bằng bỏ phiếu của cụm.',
    en: 'This award is not chosen by a cluster vote.',
  },
  'VOTING.CANDIDATE_NOT_ACCEPTED': {
    vi: 'Ứng viên phải là hồ sơ của cụm, năm và hình thức này, đã được cụm tiếp nhận.',
    en: 'Candidates must be nominations of this cluster, year and award, accepted by the cluster.',
  },
  'VOTING.CANDIDATE_IN_ANOTHER_SESSION': {
    vi: 'Hồ sơ đang là ứng viên trong một phiên khác chưa kết thúc.',
    en: 'Already a candidate in an open session.',
  },
  'VOTING.UNKNOWN_EVENT': { vi: 'Không có thao tác này.', en: 'Unknown event.' },
  'VOTING.UNKNOWN_AWARD': {
    vi: 'Hình thức này không được bỏ phiếu ở vòng này.',
    en: 'This award is not voted on in this round.',
  },
  'VOTING.DUPLICATE_CHOICE': { vi: 'Mỗi ứng viên chỉ chọn một lần.', en: 'A candidate is chosen once.' },
  'VOTING.NOT_A_CANDIDATE': {
    vi: 'Chỉ chọn được ứng viên của vòng này.',
    en: 'Only this round’s candidates can be chosen.',
  },
  'VOTING.TOO_MANY_CHOICES': {
    vi: (d) => (d.places !== undefined ? `Chọn tối đa ${str(d, 'places')}.` : 'Chọn quá số lượng cho phép.'),
    en: (d) => (d.places !== undefined ? `Choose at most ${str(d, 'places')}.` : 'Too many choices.'),
  },
  'VOTING.SELF_VOTE_NOT_ALLOWED': {
    vi: 'Chính sách không cho phép bỏ phiếu cho ứng viên của đơn vị mình.',
    en: 'The policy does not allow voting for your own candidate.',
  },
  'VOTING.NO_MINUTES': {
    vi: 'Biên bản có sau khi kết quả được chứng nhận.',
    en: 'The minutes exist once the result is certified.',
  },

  'MEETING.NOT_FOUND': { vi: 'Không tìm thấy cuộc họp.', en: 'No such meeting.' },
  'MEETING.NOT_ORGANIZER': {
    vi: 'Chỉ lãnh đạo cụm của năm (hoặc thư ký Hội đồng) ghi nhận cuộc họp.',
    en: "Only the cluster's leadership of that year (or the Council's secretary) records the meeting.",
  },
  'MEETING.DATE_IN_FUTURE': {
    vi: 'Hội nghị chưa diễn ra: ngày họp phải là hôm nay hoặc trước đó.',
    en: 'The meeting has not happened yet: its date must be today or earlier.',
  },
  'MEETING.INVALID': {
    vi: 'Thông tin cuộc họp chưa hợp lệ; xem các trường bị lỗi.',
    en: 'The meeting is not valid; see the fields.',
  },
  'DECISION.NOT_FOUND': { vi: 'Không tìm thấy quyết định.', en: 'No such decision.' },
  'DECISION.NOT_ENTITLED': {
    vi: 'Bạn không được ghi nhận loại quyết định này.',
    en: 'You may not record this kind of decision.',
  },
  'DECISION.INVALID': {
    vi: 'Quyết định chưa hợp lệ; xem các trường bị lỗi.',
    en: 'The decision is not valid; see the fields.',
  },
  'DECISION.REFUSED': {
    vi: 'Có hồ sơ không thể nhận quyết định này; chưa hồ sơ nào được ghi nhận (xem lý do từng hồ sơ).',
    en: 'Some nominations cannot take this decision; none was recorded (see each reason).',
  },
  'DECISION.DATE_IN_FUTURE': {
    vi: 'Ngày quyết định không được sau ngày hôm nay.',
    en: 'The decision date cannot be later than today.',
  },
  'DECISION.ORGANIZATION_ENDED': {
    vi: 'Đơn vị của bạn đã kết thúc hoạt động; đơn vị kế thừa thực hiện thay.',
    en: 'Your organisation has ended; its successor acts.',
  },
  'DOCUMENT.NUMBER_TAKEN': {
    vi: 'Số văn bản này đã có trong sổ đăng ký của năm.',
    en: "This document number is already in the year's register.",
  },
  'DOCUMENT.NUMBER_INVALID': {
    vi: 'Số văn bản không đúng dạng (ví dụ 12/QĐ-TTg).',
    en: 'Not a document number such as 12/QĐ-TTg.',
  },
  'VOTING.MEETING_INVALID': {
    vi: 'Hãy chọn hoặc ghi nhận hội nghị của cụm trong năm này.',
    en: "Choose or record this cluster's conference of that year.",
  },
  'VOTING.QUOTA_FILLED': {
    vi: 'Cụm đã đề nghị đủ chỉ tiêu của năm cho hình thức này.',
    en: "The cluster has filled the year's places for this award.",
  },
  // ---- notifications, webhooks, reports ----------------------------------------------------------------------
  'NOTIFICATION.NOT_FOUND': { vi: 'Không tìm thấy thông báo.', en: 'No such notification.' },
  'WEBHOOK.NOT_FOUND': { vi: 'Không tìm thấy webhook.', en: 'No such webhook.' },
  'WEBHOOK.FORBIDDEN': {
    vi: 'Vai trò của bạn không được quản lý webhook của đơn vị.',
    en: "Your role may not manage your organisation's webhooks.",
  },
  'WEBHOOK.UNKNOWN_EVENT': { vi: 'Có sự kiện không tồn tại.', en: 'Unknown events.' },
  'WEBHOOK.TARGET_NOT_ALLOWED': {
    vi: 'Địa chỉ này không được dùng làm đích webhook (chỉ http, https tới địa chỉ công khai).',
    en: 'This URL cannot be a webhook target (http or https to a public address only).',
  },
  'WEBHOOK.ROLE_REQUIRED': {
    vi: 'Cần nêu vai trò mà webhook của đơn vị dùng để đọc.',
    en: "Name the role in which the organisation's webhook reads.",
  },
  'WEBHOOK.ROLE_NOT_YOURS': {
    vi: 'Webhook đọc theo vai trò của người đăng ký.',
    en: 'A webhook reads in the role of who subscribes it.',
  },
  'WEBHOOK.UNKNOWN_ORGANIZATION': { vi: 'Không tìm thấy đơn vị.', en: 'No such organisation.' },
  'REPORT.BOARD_ONLY': {
    vi: 'Ban Thi đua – Khen thưởng Trung ương lập danh sách trình Thủ tướng.',
    en: 'The Central Board prepares the list for the Prime Minister.',
  },
  'REPORT.NOTHING_TO_PROPOSE': {
    vi: 'Chưa có phiên bình xét nào được chứng nhận chọn ứng viên trong năm này.',
    en: 'No certified vote selected anybody that year.',
  },
};

/** The caller's language from `Accept-Language` (q-values honoured): Vietnamese unless English is preferred. */
export function negotiateLocale(header: string | string[] | undefined): ErrorLocale {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => (r.lang === 'vi' || r.lang === 'en') && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.lang as ErrorLocale | undefined) ?? 'vi';
}

/** What the code says in this language, or `fallback` (the service's own message) for a code without an entry. */
export function errorMessage(
  code: string,
  locale: ErrorLocale,
  details: Details | undefined,
  fallback: string,
): string {
  const entry = ERROR_MESSAGES[code]?.[locale];
  if (entry === undefined) return fallback;
  try {
    return typeof entry === 'function' ? entry(details ?? {}) : entry;
  } catch {
    return fallback;
  }
}
