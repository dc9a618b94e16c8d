/**
 * Passwords too common to allow. Only those the other rules would let through are listed (8 or more
 * characters with a letter and a digit): the most frequent ones in published leak lists, those common
 * on Chinese sites (pinyin, 1314, qq…), and the obvious ones for this system. Compared ignoring case.
 */
const LIST = `
password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword1 pa55word pa55w0rd password01 password2026
abc12345 abcd1234 abcde12345 abc123456 abc1234567 a1234567 a12345678 a123456789 a1b2c3d4 a1b2c3d4e5 aa123456 aa12345678
aaa11111 aaaa1111 aaa123456 qq123456 qq1234567 qq12345678 qwe12345 qwe123456 qwer1234 qwert123 qwerty12 qwerty123
qwerty1234 qwerty123456 1qaz2wsx 1qaz2wsx3edc qazwsx123 qaz12345 zaq12wsx zxc12345 zxcv1234 zxcvb123 asdf1234 asd12345
asd123456 asdfgh123 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 12345abc 123456abc 123456a 1234567a 12345678a
123456789a 12345qwe 123qwe123 123qweasd 123abc123 11111111a 1234qwer 5201314a woaini1314 woaini520 woaini123 iloveyou1
iloveyou123 wangyang123 zhang123 zhangwei123 wang1234 li123456 admin123 admin1234 admin12345 admin888 admin2026 administrator1
root1234 test1234 test12345 test123456 user1234 guest123 welcome1 welcome123 welcome2026 letmein1 letmein123 monkey123
dragon123 master123 sunshine1 princess1 football1 baseball1 superman1 batman123 shadow123 michael1 jordan23 charlie1
trustno1 whatever1 freedom1 computer1 internet1 changeme1 changeme123 default1 secret123 hello123 hello1234 love1234
lovely123 abcdefg1 abcdefgh1 a11111111 z1234567 z12345678 x1234567 w1234567 s1234567 q1234567 q12345678 p1234567
demo2026 demo-2026 demo1234 demo12345 tian2026 tian1234 gov12345 zhengxie123 zhengwu123 renda123 tianan123
`;

const COMMON = new Set(LIST.split(/\s+/).filter(Boolean));

/** True when the password is on the list of passwords too common to allow (ignoring case). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase());
}
