import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The notification's id: receivers can drop a duplicate by Message-ID. */
  messageId: string;
}

/** E-mail through SMTP_URL; without it e-mail is off and notifications go to the inbox only. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.env.SMTP_URL;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.config.env.SMTP_URL) throw new Error('e-mail is not configured (SMTP_URL)');
    if (!this.transport) {
      const url = new URL(this.config.env.SMTP_URL);
      url.searchParams.set('connectionTimeout', '10000');
      url.searchParams.set('greetingTimeout', '10000');
      url.searchParams.set('socketTimeout', '20000');
      this.transport = createTransport(url.toString());
    }
    await this.transport.sendMail({
      from: this.config.env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.messageId}@thidua>`,
      headers: { 'X-Thidua-Notification': mail.messageId },
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
