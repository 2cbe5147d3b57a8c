import PDFDocument from 'pdfkit';
import { toBuffer as qrPng } from 'qrcode';
import type { CertificateView } from '../dto/certificate.response';
import { groupVerificationCode } from '@lms/core';

/** DejaVu covers the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) that the PDF base fonts lack. */
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Dates as printed in the ministry: dd.mm.yyyy, in Almaty time. */
const DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Asia/Almaty',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** Where anyone checks a certificate: the public page the QR code opens, under the configured PUBLIC_URL. */
export function certificateVerifyUrl(publicUrl: string, certificate: Pick<CertificateView, 'verifyPath'>): string {
  return `${publicUrl.replace(/\/+$/, '')}${certificate.verifyPath}`;
}

/**
 * The certificate as a one-page A4 landscape PDF, in Kazakh and Russian: the
 * full verification address (`publicUrl` + the public page) and its QR code,
 * and a signature block for the head of the issuing service and the seal.
 */
export async function renderCertificatePdf(certificate: CertificateView, publicUrl: string): Promise<Buffer> {
  const verifyUrl = certificateVerifyUrl(publicUrl, certificate);
  const qr = await qrPng(verifyUrl, { type: 'png', margin: 1, errorCorrectionLevel: 'M', scale: 6 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    info: { Title: `Сертификат ${certificate.serial}`, Subject: certificate.officerName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);

  const { width, height } = doc.page;
  doc
    .lineWidth(3)
    .rect(25, 25, width - 50, height - 50)
    .stroke('#1f3b6e');
  doc
    .lineWidth(1)
    .rect(33, 33, width - 66, height - 66)
    .stroke('#1f3b6e');

  const centred = { align: 'center' as const, width: width - 120 };
  doc.fillColor('#1f3b6e').font('regular').fontSize(11);
  doc.text('ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ІШКІ ІСТЕР МИНИСТРЛІГІ', 60, 60, centred);
  doc.text('МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ КАЗАХСТАН', centred);
  doc.moveDown(1.2).font('bold').fontSize(34).text('СЕРТИФИКАТ', centred);

  doc.fillColor('black').moveDown(0.6).font('regular').fontSize(13);
  doc.text('Осы сертификат берілді / Настоящий сертификат выдан', centred);
  doc.moveDown(0.5).font('bold').fontSize(24).text(certificate.officerName, centred);
  doc.moveDown(0.6).font('regular').fontSize(13);
  doc.text(`«${certificate.courseTitle.kk}» курсын сәтті аяқтағаны үшін`, centred);
  doc.moveDown(0.3).text(`за успешное прохождение курса «${certificate.courseTitle.ru}»`, centred);

  const lines: [string, string][] = [
    ['Тіркеу нөмірі / Регистрационный номер', certificate.serial],
    ['Берілген күні / Дата выдачи', DATE.format(certificate.issuedAt)],
    ['Жарамды / Действителен до', certificate.expiresAt ? DATE.format(certificate.expiresAt) : 'мерзімсіз / бессрочно'],
    ['Тексеру коды / Код проверки', groupVerificationCode(certificate.verificationCode)],
  ];
  let y = height - 200;
  doc.fontSize(11);
  for (const [label, value] of lines) {
    doc.font('regular').text(`${label}:`, 70, y, { continued: true }).font('bold').text(` ${value}`);
    y += 18;
  }
  doc.font('regular').fontSize(9).fillColor('#1f3b6e');
  doc.text('Тексеру / Проверка:', 70, y + 4).text(verifyUrl, 70, y + 16, { width: width / 2 - 40, link: verifyUrl });

  // The QR code of the verification address, bottom right, above the signature block.
  const qrSize = 96;
  const qrX = width - 70 - qrSize;
  const qrY = height - 200 - 6;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });

  // Signature block: who signs, a line to sign on, and where the seal goes.
  const signX = width / 2 + 10;
  const signWidth = qrX - signX - 20;
  doc.fillColor('black').font('regular').fontSize(10);
  doc.text('Басшы / Руководитель', signX, height - 200, { width: signWidth });
  doc
    .moveTo(signX, height - 150)
    .lineTo(signX + signWidth, height - 150)
    .lineWidth(0.7)
    .stroke('black');
  doc.fontSize(8).text('(қолы / подпись)          (Т.А.Ә. / Ф.И.О.)', signX, height - 146, { width: signWidth });
  doc.fontSize(10).text('М.О. / М.П.', signX, height - 122, { width: signWidth });
  doc.end();
  return done;
}
