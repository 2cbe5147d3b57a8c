export * from './dto/notification.dto';
export * from './entities/notification.entity';
export * from './notification-kinds';
export * from './notifications.module';
export * from './services/inbox.service';
export * from './services/notification.service';

import { NotificationEntity } from './entities/notification.entity';
export const NOTIFICATIONS_ENTITIES = [NotificationEntity];
