export * from './certificates.module';
export * from './dto/certificate.dto';
export * from './dto/certificate.response';
export * from './entities/certificate.entity';
export { VERIFY_PATH } from './services/certificate.mapper';
export * from './services/certificate-pdf';
export * from './services/certificate.service';

import { CertificateEntity } from './entities/certificate.entity';
export const CERTIFICATES_ENTITIES = [CertificateEntity];
