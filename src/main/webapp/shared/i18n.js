// The language choice both apps share (one storage key, so the API calls send the same Accept-Language)
// and the words of the shared module. Refusals come from the server, already in the chosen language.
const WORDS = {
  vi: {
    networkError: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    queued: 'Đang xếp hàng vào phòng thi… (khoảng {0} giây). Ứng dụng tự thử lại; thời gian làm bài chỉ tính từ khi bạn nhận được đề.',
  },
  en: {
    networkError: 'The server cannot be reached. Check the connection and try again.',
    queued: 'Queuing for the exam room… (about {0} s). The app retries by itself; your exam time starts only when you receive the paper.',
  },
};

export function lang() {
  return localStorage.getItem('examcert.lang') === 'en' ? 'en' : 'vi';
}

export function setLang(value) {
  localStorage.setItem('examcert.lang', value);
  document.documentElement.lang = value;
}

/** The language button offers the other language, its label in that language. */
export function labelLanguageButton(button) {
  button.textContent = lang() === 'en' ? 'VI' : 'EN';
  button.setAttribute('aria-label', lang() === 'en' ? 'Chuyển sang tiếng Việt' : 'Switch to English');
}

/**
 * The t(key, ...args) of an app's words: the chosen language, then Vietnamese, then the shared words,
 * then the key itself; {0}, {1} … take the arguments.
 */
export function translator(words) {
  return (key, ...args) => {
    const text = words[lang()]?.[key] ?? words.vi?.[key] ?? WORDS[lang()][key] ?? WORDS.vi[key] ?? key;
    return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  };
}

/** The shared module's own words. */
export const t = translator({});
